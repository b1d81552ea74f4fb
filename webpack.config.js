/* Webpack build of the task pane, after Microsoft's Office-Addin-TaskPane-React template. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";

const dirname = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";
// Where the production build is hosted; the manifest in dist/ points there.
const PROD_URL = process.env.ADDIN_URL ?? DEV_URL;

async function httpsOptions() {
  // Trusted localhost certificates for sideloading, as the template does; absent on CI.
  try {
    const devCerts = await import("office-addin-dev-certs");
    const o = await devCerts.default.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch {
    return undefined;
  }
}

export default async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, rootDir: dirname, outDir: path.resolve(dirname, "dist/tsc") },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().replace(new RegExp(DEV_URL, "g"), PROD_URL)),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_BUILD ? undefined : await httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(dirname, "dist") },
    },
  };
};

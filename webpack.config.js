/* Webpack build of the task pane, after Microsoft's Office-Addin-TaskPane-React template. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";

const dirname = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";

/**
 * Where the production build is hosted, from ADDIN_URL: https only, always ending in one slash.
 * Returns an error line instead of a URL when it cannot be used. `selftest` (npm test's own build,
 * served from loopback by the tests) keeps the development URL.
 */
export function addinUrl(value, selftest = false) {
  if (selftest && !value) return { url: DEV_URL };
  if (!value)
    return { error: "ADDIN_URL is not set: run `ADDIN_URL=https://your.host/path/ npm run build` (https only)." };
  let u;
  try {
    u = new URL(value);
  } catch {
    return { error: `ADDIN_URL "${value}" is not a URL: use https://your.host/path/.` };
  }
  if (u.protocol !== "https:")
    return { error: `ADDIN_URL "${value}" must start with https:// (Office loads add-ins over https only).` };
  if (u.search || u.hash) return { error: `ADDIN_URL "${value}" must not have a query or a fragment.` };
  return { url: `${u.origin}${u.pathname.replace(/\/*$/, "")}/` };
}

/** The manifest for a host: every URL under `url`, and the AppDomain its origin (no path, no slash). */
export function manifestFor(xml, url) {
  const origin = new URL(url).origin;
  return xml.replaceAll(DEV_URL, url).replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

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
  const target = dev ? { url: DEV_URL } : addinUrl(process.env.ADDIN_URL, !!env.selftest);
  if (target.error) {
    console.error(target.error);
    process.exit(2);
  }
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
            transform: (content) => (dev ? content : manifestFor(content.toString(), target.url)),
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

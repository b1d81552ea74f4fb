/** Runs the CLI as a user would and reports its peak resident memory on stderr, for the bench. */
export {};
process.on("exit", () => process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));
await import("../src/cli/main");

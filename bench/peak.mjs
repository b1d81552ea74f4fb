/** Loaded with `node --import` before a command: reports the process's peak resident memory on stderr, for the bench. */
process.on("exit", () => process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));

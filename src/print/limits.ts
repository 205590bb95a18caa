/**
 * Browser tabs printing at once: far more than any machine Briefsmith runs on prints faster with. Each is a tab
 * kept open, so a mistyped count (--jobs 99999999999) would open tabs until the process ran out of memory.
 * The bound of createPrinter's jobs and of the CLI's --jobs alike.
 */
export const maxTabs = 32;

/** Node's timers hold at most 2^31 - 1 ms: the bound of every timeout and grace a program passes. */
export const maxTimeoutMs = 2 ** 31 - 1;

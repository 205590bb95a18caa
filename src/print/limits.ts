/**
 * Browser tabs printing at once: far more than any machine Briefsmith runs on prints faster with. Each is a tab
 * kept open, so a mistyped count (--jobs 99999999999) would open tabs until the process ran out of memory.
 * The bound of createPrinter's jobs and of the CLI's --jobs alike.
 */
export const maxTabs = 32;

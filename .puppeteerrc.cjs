// Briefsmith finds a browser itself (explicit option, PUPPETEER_EXECUTABLE_PATH,
// Puppeteer's cache, then system Chrome/Chromium), so `npm install` must not try
// to download one: many CI machines and offline networks cannot.
module.exports = { skipDownload: true };

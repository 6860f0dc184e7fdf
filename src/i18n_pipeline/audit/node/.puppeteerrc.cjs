/**
 * The audit finds a browser itself (environment variable, system Chromium, an
 * earlier puppeteer download); puppeteer must never download one on install.
 */
module.exports = {
  skipDownload: true,
};

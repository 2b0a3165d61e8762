/** The component tests read the page as a Chinese browser does (happy-dom says en-US by default). */
if (typeof navigator !== 'undefined') {
  Object.defineProperty(navigator, 'languages', { value: ['zh-CN', 'zh'], configurable: true });
  Object.defineProperty(navigator, 'language', { value: 'zh-CN', configurable: true });
}

// The language each part of an element's text is read in: what a screen reader does with
// `lang` (the nearest ancestor's, inside a widget's shadow root too).

export const hasHangul = (text) => /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/.test(text);
export const hasLatin = (text) => /[A-Za-z]/.test(text);

/**
 * The text of the element `locator` points at, cut where the language changes:
 * [[text, lang], …], neighbouring text nodes of one language joined.
 */
export function languageParts(locator) {
  return locator.evaluate((element) => {
    const langOf = (node) => {
      for (let el = node.parentElement ?? node.parentNode?.host; el; el = el.parentElement ?? el.parentNode?.host) {
        if (el.hasAttribute('lang')) return el.getAttribute('lang');
      }
      return '';
    };
    const parts = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent) continue;
      const lang = langOf(node);
      if (parts.length && parts.at(-1)[1] === lang) parts.at(-1)[0] += node.textContent;
      else parts.push([node.textContent, lang]);
    }
    return parts;
  });
}

/**
 * Width folding for everything a person may type in either alphabet:
 * full-width digits and letters (１２３ＡＢＣ), ideographic spaces, full-width
 * currency signs (￥) and parentheses become their ASCII forms. NFKC does
 * exactly that and nothing a person would notice in the text itself.
 */
export function foldWidth(text: string): string {
  return text.normalize('NFKC')
}

/**
 * The key two labels are compared by: width-folded, lower-cased, without
 * spaces and the punctuation people vary freely ("Closed-Won", "closed won").
 */
export function matchKey(text: string): string {
  return foldWidth(text)
    .toLowerCase()
    .replace(/[\s_\-.·•/\\,，、:;'"()[\]{}<>*]+/g, '')
}

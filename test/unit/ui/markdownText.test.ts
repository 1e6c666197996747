import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../src/ui/markdownText';

describe('escapeMarkdown: server text in a Markdown tooltip stays text', () => {
  it('breaks autolinks: a URL, a www. host and an e-mail address from an error detail are not linkable', () => {
    const detail = 'See https://evil.example.com/fix?x=1 or www.evil.example or mail admin@evil.example';
    const escaped = escapeMarkdown(detail);
    // GFM autolinking needs "https://", "www." and "name@host.tld" contiguous.
    assert.doesNotMatch(escaped, /https?:\/\//);
    assert.doesNotMatch(escaped, /www\./);
    assert.doesNotMatch(escaped, /[a-z]@[a-z]/);
    assert.match(escaped, /https\\:\\\/\\\/evil\\\.example\\\.com/);
    // Unescaping gives back the text exactly as the server sent it.
    assert.equal(escaped.replace(/\\(.)/g, '$1'), detail);
  });
});

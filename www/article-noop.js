// A page script inside the article, as real pages have: newslens must skip it and leave it alone.
window.articleScriptRan = (window.articleScriptRan ?? 0) + 1;

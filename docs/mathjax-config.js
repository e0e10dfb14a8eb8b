// Appended to the MathJax configuration of every page (Doxyfile.in: MATHJAX_CODEFILE). The TeX
// input, its AMS extensions and the SVG output come from one combined file instead of a dozen
// (html/mathjax/config/TeX-AMS_SVG.js, see MathJaxFiles.cmake); the right-click menu and the
// zoom, which would load more of MathJax, are off.
MathJax.Hub.Config({
  config: ["TeX-AMS_SVG.js"],
  showMathMenu: false,
  menuSettings: {zoom: "None"}
});

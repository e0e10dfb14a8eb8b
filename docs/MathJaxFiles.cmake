# The parts of MathJax 2.7 (Debian's libjs-mathjax) that the pages use, as paths under its
# folder. RunDoxygen.cmake copies them into html/mathjax, where the pages load them by a relative
# path (MATHJAX_RELPATH = mathjax), so that the html folder works wherever it is: opened from
# disk, copied to another machine, or served over http. About 2 MB of the package's 54.
#
# The pages configure MathJax with TeX input and SVG output (Doxyfile.in, mathjax-config.js);
# SVG draws each glyph as a path, so no web font is needed. Loading every page of the docs in
# Chromium requests MathJax.js, the combined configuration, the SVG output jax, its font data and
# from there, depending on the characters and constructs of each formula, glyph files of the TeX
# font, operator tables and the SVG table code (for \begin{cases}). Those last three are loaded on
# demand, so they are copied whole: a new formula with a new symbol still renders. The MathJax
# menu and zoom are switched off (mathjax-config.js), so their code and the translations are not
# needed; nor are the six other fonts, the HTML-CSS and CommonHTML outputs or the web fonts.
set(DLC_MATHJAX_PARTS
    # the loader
    MathJax.js
    # one file for tex2jax, the TeX input with AMSmath and AMSsymbols, the MathML element jax and
    # the SVG output's configuration
    config/TeX-AMS_SVG.js
    # the SVG output, and its parts loaded on demand (tables, multi-line formulas, ...)
    jax/output/SVG/jax.js
    jax/output/SVG/autoload
    # the TeX font as SVG paths: fontdata.js, then one file per style and block of characters
    jax/output/SVG/fonts/TeX
    # the operator dictionary's entries for characters outside the basic set
    jax/element/mml/optable)

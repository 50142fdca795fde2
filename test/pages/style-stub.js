// Stylesheets are irrelevant to page tests; imports of .css resolve to this empty module.
module.exports = {}

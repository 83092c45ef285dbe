// Runs first thing in <body> (a file, not inline: the content security policy allows no inline scripts).
// GOV.UK Frontend styles its JavaScript-enhanced components only when these classes are present.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');

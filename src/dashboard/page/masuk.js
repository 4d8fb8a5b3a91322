// Posts the login link's token as soon as the page opens. A chat app that
// fetches the link for a preview runs no script, so it cannot spend the link.
document.querySelector('form#masuk')?.requestSubmit();

export const THEME_STORAGE_KEY = "ketbook:theme";

/** Inline, render-blocking: sets data-theme from the saved choice (or leaves the OS preference). */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

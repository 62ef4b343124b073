/**
 * The admin every e2e server starts with, made by `npm run user:create` before the server starts
 * (the way an operator makes the first admin; every later role change is made in the browser).
 */
export const E2E_ADMIN = {
  name: "Site Admin",
  email: "admin@ketbook.test",
  password: "e2e admin pass phrase 7",
} as const;

/** The shell command that creates E2E_ADMIN on the server's database, to run before `npm start`. */
export const createE2eAdmin = `npm run --silent user:create -- --email ${E2E_ADMIN.email} --role admin --name "${E2E_ADMIN.name}" --password "${E2E_ADMIN.password}"`;

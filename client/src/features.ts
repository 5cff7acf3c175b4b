// Parts of the product that land later, switched on here when they do, so the explorer never links to a
// page that does not exist yet.
export const FEATURES = {
  /** The registration form (issue 9's explorer side, client/account): REGISTER_PATH opens it. */
  registration: true,
  /** Sign-in and the account menu in the header (issue 9's explorer side, client/account). */
  signIn: true,
} as const;

export const REGISTER_PATH = '/register';

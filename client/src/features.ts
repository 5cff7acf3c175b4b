// Parts of the product that land later, switched on here when they do, so the explorer never links to a
// page that does not exist yet.
export const FEATURES = {
  /**
   * The registration form (issue 9's explorer side). The API (`registerOrganisation`) exists; the form at
   * REGISTER_PATH does not yet, so the explorer only says that registration is coming.
   */
  registration: false,
  /** Sign-in in the header (issue 9's explorer side); the header keeps a place for it. */
  signIn: false,
} as const;

export const REGISTER_PATH = '/register';

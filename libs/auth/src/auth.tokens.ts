/** DI tokens. */
export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
export const JWT_STRATEGY = Symbol('JWT_STRATEGY');
export const DEV_KEY_PAIR = Symbol('DEV_KEY_PAIR');

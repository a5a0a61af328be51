import 'reflect-metadata';

const SECRET_KEYS = Symbol('config:secret-keys');

/** Marks a config property as sensitive: never printed, and required in production. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const keys: Set<string | symbol> = Reflect.getMetadata(SECRET_KEYS, target) ?? new Set();
    keys.add(key);
    Reflect.defineMetadata(SECRET_KEYS, keys, target);
  };
}

export function secretKeysOf(instance: object): Set<string | symbol> {
  return Reflect.getMetadata(SECRET_KEYS, Object.getPrototypeOf(instance)) ?? new Set();
}

import 'reflect-metadata';

const SECRET_KEYS = Symbol('config:secret-keys');

export interface SecretOptions {
  /**
   * Default true: production refuses to start without it. False for secrets that may be
   * legitimately absent (ambient cloud credentials such as an IAM role or workload identity).
   */
  requiredInProduction?: boolean;
}

/** Marks a config property as sensitive: never printed, and (by default) required in production. */
export function Secret(options: SecretOptions = {}): PropertyDecorator {
  return (target, key) => {
    const keys: Map<string | symbol, boolean> = Reflect.getMetadata(SECRET_KEYS, target) ?? new Map();
    keys.set(key, options.requiredInProduction ?? true);
    Reflect.defineMetadata(SECRET_KEYS, keys, target);
  };
}

export function secretKeysOf(instance: object): Set<string | symbol> {
  const keys: Map<string | symbol, boolean> | undefined = Reflect.getMetadata(
    SECRET_KEYS,
    Object.getPrototypeOf(instance),
  );
  return new Set(keys?.keys() ?? []);
}

/** Secrets production must have. */
export function requiredSecretKeysOf(instance: object): Set<string | symbol> {
  const keys: Map<string | symbol, boolean> | undefined = Reflect.getMetadata(
    SECRET_KEYS,
    Object.getPrototypeOf(instance),
  );
  return new Set(
    [...(keys ?? new Map<string | symbol, boolean>()).entries()]
      .filter(([, required]) => required)
      .map(([key]) => key),
  );
}

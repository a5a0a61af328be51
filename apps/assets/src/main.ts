import 'reflect-metadata';
import { CORE } from '@app/core';
console.log('hello', CORE);

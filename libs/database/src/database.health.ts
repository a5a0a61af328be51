import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The readiness probe's database check, so that modules need no DataSource of their own. */
@Injectable()
export class DatabaseHealth {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Metadata of a file uploaded through `POST /assets/files`; the bytes live in object storage. */
@Entity('files')
@Index('files_org_project_uri', ['orgId', 'projectId', 'resourceUri'], { unique: true })
@Index('files_org_project_key', ['orgId', 'projectId', 'key'], { unique: true })
export class FileEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') orgId: string;
  @Column('text') projectId: string;
  @Column('text') resourceUri: string;
  @Column('text') name: string;
  /** The caller's key, relative to the `files` solution prefix. */
  @Column('text') key: string;
  /** The full tenant-prefixed object key. */
  @Column('text') storageKey: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) tags: string[];
  @Column('text') contentType: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size: number;
  @Column('text', { nullable: true }) etag: string | null;
  /** `uploading` while its bytes are written (the key is reserved), then `ready`. */
  @Column('text') status: 'uploading' | 'ready';
  /** The storage connection holding the bytes; null for the default store. */
  @Column('text', { nullable: true }) connectionUri: string | null;
  @Column('text') createdBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

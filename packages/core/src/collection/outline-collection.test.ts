import { describe, expect, it } from 'vitest'
import type { Collection, Environment } from './index.js'
import { outlineCollection } from './outline-collection.js'
import { outlineEnvironment } from './outline-environment.js'

const collection: Collection = {
  info: {
    name: 'Demo',
    description: { content: '# Docs', type: 'text/markdown' },
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  auth: { type: 'oauth2', oauth2: [] },
  event: [{ listen: 'prerequest', script: { exec: ['a()', '', 'b()'] } }],
  variable: [
    { key: 'base', value: 'https://x', type: 'string' },
    { key: 'n', value: 3, disabled: true },
  ],
  item: [
    {
      name: 'Folder',
      auth: { type: 'noauth' },
      item: [
        { name: 'Inner', item: [{ name: 'Get', request: 'https://x/get' }] },
        {
          name: 'Post',
          event: { listen: 'test', script: { exec: 'one\ntwo' } },
          request: {
            method: 'POST',
            url: { raw: '{{base}}/p' },
            body: { mode: 'raw', raw: '{}' },
            auth: null,
          },
          response: [{ name: 'ok' }, { name: 'err' }],
        },
      ],
    },
  ],
}

describe('outlineCollection', () => {
  it('summarises names, auth, scripts, counts and the tree', () => {
    const outline = outlineCollection(collection)
    expect(outline).toMatchObject({
      name: 'Demo',
      description: '# Docs',
      schemaFormat: 'v2.1.0',
      auth: { type: 'oauth2', level: 'collection' },
      scripts: { prerequest: 2, test: 0 },
      counts: { folders: 2, requests: 2, examples: 2, maxDepth: 2 },
    })
    expect(outline.variables).toStrictEqual([
      { key: 'base', value: 'https://x', type: 'string', disabled: false },
      { key: 'n', value: '3', disabled: true },
    ])
    expect(outline.items).toStrictEqual([
      {
        type: 'folder',
        name: 'Folder',
        auth: 'noauth',
        scripts: { prerequest: 0, test: 0 },
        items: [
          {
            type: 'folder',
            name: 'Inner',
            scripts: { prerequest: 0, test: 0 },
            items: [
              {
                type: 'request',
                name: 'Get',
                method: 'GET',
                url: 'https://x/get',
                auth: 'inherit',
                scripts: { prerequest: 0, test: 0 },
                examples: 0,
              },
            ],
          },
          {
            type: 'request',
            name: 'Post',
            method: 'POST',
            url: '{{base}}/p',
            auth: 'inherit',
            scripts: { prerequest: 0, test: 2 },
            examples: 2,
            bodyMode: 'raw',
          },
        ],
      },
    ])
  })

  it('outlines a collection without info', () => {
    expect(outlineCollection({ item: [] })).toMatchObject({ name: '', auth: null, schemaFormat: 'v2.1.0' })
  })
})

describe('outlineEnvironment', () => {
  it('reads key or name, enabled or disabled, and the scope', () => {
    const environment: Environment = {
      name: 'dev',
      values: [
        { key: 'a', value: '1', enabled: true, type: 'default' },
        { name: 'b', value: true, enabled: false },
        { key: 'c', value: 'x', disabled: true },
      ],
      _postman_variable_scope: 'environment',
    }
    expect(outlineEnvironment(environment)).toStrictEqual({
      name: 'dev',
      scope: 'environment',
      values: [
        { key: 'a', value: '1', type: 'default', disabled: false },
        { key: 'b', value: 'true', disabled: true },
        { key: 'c', value: 'x', disabled: true },
      ],
    })
  })
})

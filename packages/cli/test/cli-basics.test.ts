import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version

describe('courier (basics)', () => {
  it('prints its version with --version and -V', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag])
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n` })
    }
  })

  it('lists its commands with --help', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Usage: courier/)
    expect(result.stdout).toMatch(/inspect/)
    expect(result.stdout).toMatch(/convert/)
  })

  it('has --help on every command', async () => {
    for (const command of ['inspect', 'convert']) {
      const result = await runCli([command, '--help'])
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`Usage: courier ${command}`)
    }
  })

  it('exits 2 with a one-line message for an unknown command or option', async () => {
    const unknownCommand = await runCli(['fly'])
    expect(unknownCommand.code).toBe(2)
    expect(unknownCommand.stderr).toMatch(/unknown command 'fly'/)
    const unknownOption = await runCli(['inspect', 'x.json', '--frobnicate'])
    expect(unknownOption.code).toBe(2)
    expect(unknownOption.stderr).toMatch(/unknown option '--frobnicate'/)
    const missingArgument = await runCli(['inspect'])
    expect(missingArgument.code).toBe(2)
    expect(missingArgument.stderr).toMatch(/missing required argument 'file'/)
  })

  it('rejects a convert target it does not write, naming the supported ones', async () => {
    const result = await runCli([
      'convert',
      'examples/gotomeeting.postman_collection.json',
      '--to',
      'insomnia',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--to insomnia')
    expect(result.stderr).toContain('postman-v2.1')
  })
})

describe('courier --debug', () => {
  it('adds the error details and the stack trace to a user error', async () => {
    const result = await runCli(['inspect', 'no-such-file.json', '--debug'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: no-such-file\.json: no such file/)
    expect(result.stderr).toContain('"code": "FILE_UNREADABLE"')
    expect(result.stderr).toMatch(/\n\s+at /)
  })
})

describe('courier auth login --preset', () => {
  it('names the known presets for an unknown one', async () => {
    const result = await runCli([
      'auth',
      'login',
      'examples/gotomeeting.postman_collection.json',
      '--preset',
      'acme',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: --preset acme: no such provider preset \(known: goto\)/)
  })
})

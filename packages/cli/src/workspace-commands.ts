// The workspace commands of the CLI: init, import, export, ls, new, mv, cp, rm, restore, edit, docs, history,
// example, env.
// Each command module is loaded only when invoked, so `courier --version` stays fast.
import { InvalidArgumentError, type Command } from 'commander'
import type { Terminal } from './terminal.js'

interface WorkspaceOption {
  workspace?: string
}

const workspaceHelp = 'the workspace folder (default: the nearest one upward from here)'

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function parseLimit(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number above 0')
  return n
}

function ws(flags: WorkspaceOption): WorkspaceOption {
  return flags.workspace === undefined ? {} : { workspace: flags.workspace }
}

/**
 * Adds the workspace commands to `program`.
 * @example addWorkspaceCommands(program, terminal, (code) => (exitCode = code))
 */
export function addWorkspaceCommands(
  program: Command,
  terminal: Terminal,
  setExitCode: (code: number) => void,
): Command[] {
  const added: Command[] = []
  const command = (name: string, parent: Command = program) => {
    const c = parent.command(name)
    added.push(c)
    return c
  }

  command('init')
    .description('create a workspace: Postman v3 YAML files for git, local state in .courier/ (git-ignored)')
    .argument('[dir]', 'the folder (default: the current one)')
    .action(async (dir: string | undefined) => {
      const { initCommand } = await import('./commands/workspace/init.js')
      setExitCode(await initCommand(dir, terminal))
    })

  command('import')
    .description(
      'import Postman collections, environments and globals (files or folders of them) into the workspace',
    )
    .argument(
      '<files...>',
      'Postman JSON files (v1, v2.0, v2.1 collections, environments, globals) or folders',
    )
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--replace', 'overwrite a collection or environment the workspace already has')
    .option('--as-copy', 'keep both: import under a new name')
    .option('--json', 'print what was imported as JSON')
    .action(
      async (
        files: string[],
        flags: WorkspaceOption & { replace?: boolean; asCopy?: boolean; json?: boolean },
      ) => {
        const { importCommand } = await import('./commands/workspace/import.js')
        const onConflict = flags.replace === true ? 'replace' : flags.asCopy === true ? 'copy' : 'error'
        // On a terminal, a conflict is a question (as in Postman's import dialog); in scripts, an error.
        const interactive = onConflict === 'error' && process.stdin.isTTY && process.stderr.isTTY
        const ask = interactive ? (await import('./workspace/ask.js')).ask : undefined
        setExitCode(
          await importCommand(
            files,
            { ...ws(flags), onConflict, json: flags.json === true, ...(ask === undefined ? {} : { ask }) },
            terminal,
          ),
        )
      },
    )

  command('export')
    .description('export a collection (or an environment, or globals) of the workspace as Postman v2.1 JSON')
    .argument('<name>', 'the collection (or environment) name, folder name or id')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--format <format>', 'the format: postman-v2.1', 'postman-v2.1')
    .option('-o, --output <file>', 'write here (atomically) instead of standard output')
    .option('--include-secrets', 'include secret values kept in local state')
    .action(
      async (
        name: string,
        flags: WorkspaceOption & { format: string; output?: string; includeSecrets?: boolean },
      ) => {
        const { exportCommand } = await import('./commands/workspace/export.js')
        setExitCode(
          await exportCommand(
            name,
            {
              ...ws(flags),
              format: flags.format,
              includeSecrets: flags.includeSecrets === true,
              ...(flags.output === undefined ? {} : { output: flags.output }),
            },
            terminal,
          ),
        )
      },
    )

  command('ls')
    .description('list the collections and environments, or the tree of a collection or folder')
    .argument('[path]', 'a collection or folder: "GoToMeeting/Organizers"')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print JSON')
    .action(async (path: string | undefined, flags: WorkspaceOption & { json?: boolean }) => {
      const { lsCommand } = await import('./commands/workspace/ls.js')
      setExitCode(await lsCommand(path, { ...ws(flags), json: flags.json === true }, terminal))
    })

  command('new')
    .description('create a collection, folder or request')
    .argument('<kind>', 'collection, folder or request')
    .argument('<path>', 'where: "GoToMeeting/Organizers/List organizers"')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('-X, --method <method>', 'a request’s method (default GET)')
    .option('--url <url>', 'a request’s URL')
    .action(
      async (kind: string, path: string, flags: WorkspaceOption & { method?: string; url?: string }) => {
        const { newCommand } = await import('./commands/workspace/items.js')
        const options = {
          ...ws(flags),
          ...(flags.method === undefined ? {} : { method: flags.method }),
          ...(flags.url === undefined ? {} : { url: flags.url }),
        }
        setExitCode(await newCommand(kind, path, options, terminal))
      },
    )

  command('mv')
    .description('rename or move a folder or request (also to another collection)')
    .argument('<from>', 'the item: "GoToMeeting/Organizers/Get Organizer"')
    .argument('<to>', 'its new path, or an existing folder or collection to move it into')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(async (from: string, to: string, flags: WorkspaceOption) => {
      const { mvCommand } = await import('./commands/workspace/items.js')
      setExitCode(await mvCommand(from, to, ws(flags), terminal))
    })

  command('cp')
    .description('duplicate a folder or request (new ids; named "Copy of …" unless you give a name)')
    .argument('<item>', 'the item to duplicate')
    .argument('[name]', 'the copy’s name')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(async (item: string, name: string | undefined, flags: WorkspaceOption) => {
      const { cpCommand } = await import('./commands/workspace/items.js')
      setExitCode(await cpCommand(item, name, ws(flags), terminal))
    })

  command('rm')
    .description('delete a collection, folder or request (to the trash: courier restore brings it back)')
    .argument('<path>', 'the collection or item')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(async (path: string, flags: WorkspaceOption) => {
      const { rmCommand } = await import('./commands/workspace/items.js')
      setExitCode(await rmCommand(path, ws(flags), terminal))
    })

  command('restore')
    .description('list the trash, or restore an entry of it')
    .argument('[entry]', 'the entry’s number in the list')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print the trash as JSON')
    .action(async (entry: string | undefined, flags: WorkspaceOption & { json?: boolean }) => {
      const { restoreCommand } = await import('./commands/workspace/items.js')
      setExitCode(await restoreCommand(entry, { ...ws(flags), json: flags.json === true }, terminal))
    })

  command('edit')
    .description('change fields of a collection, folder or request and save')
    .argument('<path>', 'the collection or item')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--name <name>', 'rename it')
    .option('-X, --method <method>', 'the method')
    .option('--url <url>', 'the URL')
    .option('-H, --header <header>', "set a header 'Name: value' (repeatable)", collect, [])
    .option('--remove-header <name>', 'remove a header (repeatable)', collect, [])
    .option('-d, --body <text>', 'the raw body, or @file')
    .option('--body-language <language>', 'the raw body’s language: json, xml, html, javascript, text')
    .option('--description <markdown>', 'the documentation (Markdown), or @file')
    .option('--prerequest <script>', 'the pre-request script, or @file ("" removes it)')
    .option('--test <script>', 'the test script, or @file ("" removes it)')
    .action(
      async (
        path: string,
        flags: WorkspaceOption & {
          name?: string
          method?: string
          url?: string
          header: string[]
          removeHeader: string[]
          body?: string
          bodyLanguage?: string
          description?: string
          prerequest?: string
          test?: string
        },
      ) => {
        const { editCommand } = await import('./commands/workspace/items.js')
        const options = Object.fromEntries(
          Object.entries(flags).filter(([, v]) => v !== undefined),
        ) as typeof flags
        setExitCode(await editCommand(path, options, terminal))
      },
    )

  command('docs')
    .description(
      'print the Markdown documentation of a collection, folder or request, and its saved examples',
    )
    .argument('<path>', 'the collection or item')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print JSON')
    .action(async (path: string, flags: WorkspaceOption & { json?: boolean }) => {
      const { docsCommand } = await import('./commands/workspace/docs.js')
      setExitCode(await docsCommand(path, { ...ws(flags), json: flags.json === true }, terminal))
    })

  command('history')
    .description('the requests sent from this workspace, newest first')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('-n, --limit <n>', 'how many', parseLimit, 20)
    .option('--json', 'print JSON')
    .action(async (flags: WorkspaceOption & { limit: number; json?: boolean }) => {
      const { historyCommand } = await import('./commands/workspace/history.js')
      setExitCode(
        await historyCommand({ ...ws(flags), limit: flags.limit, json: flags.json === true }, terminal),
      )
    })

  const example = command('example').description(
    'the saved examples of a request: list, add, save a response from the history, delete',
  )
  command('ls', example)
    .description('list the examples of a request')
    .argument('<request>', 'the request: "Collection/Folder/Request"')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print JSON')
    .action(async (path: string, flags: WorkspaceOption & { json?: boolean }) => {
      const { exampleLsCommand } = await import('./commands/workspace/example.js')
      setExitCode(await exampleLsCommand(path, { ...ws(flags), json: flags.json === true }, terminal))
    })
  command('add', example)
    .description('add an example written by hand')
    .argument('<request>', 'the request')
    .requiredOption('--name <name>', 'the example’s name')
    .option('--status <code>', 'the response status', parseLimit, 200)
    .option('-H, --header <header>', "a response header 'Name: value' (repeatable)", collect, [])
    .option('-d, --body <text>', 'the response body, or @file')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(
      async (
        path: string,
        flags: WorkspaceOption & { name: string; status: number; header: string[]; body?: string },
      ) => {
        const { exampleAddCommand } = await import('./commands/workspace/example.js')
        const options = {
          ...ws(flags),
          name: flags.name,
          status: flags.status,
          header: flags.header,
          ...(flags.body === undefined ? {} : { body: flags.body }),
        }
        setExitCode(await exampleAddCommand(path, options, terminal))
      },
    )
  command('save', example)
    .description('save a response from the history (courier history) as an example of a request')
    .argument('<request>', 'the request')
    .argument('<history-id>', 'the number courier history shows (#12)', (v: string) =>
      parseLimit(v.replace(/^#/, '')),
    )
    .option('--name <name>', 'the example’s name (default: the request’s)')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(async (path: string, id: number, flags: WorkspaceOption & { name?: string }) => {
      const { exampleSaveCommand } = await import('./commands/workspace/example.js')
      const options = { ...ws(flags), ...(flags.name === undefined ? {} : { name: flags.name }) }
      setExitCode(await exampleSaveCommand(path, id, options, terminal))
    })
  command('rm', example)
    .description('delete an example')
    .argument('<request>', 'the request')
    .argument('<example>', 'the example’s name or number (courier example ls)')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(async (path: string, name: string, flags: WorkspaceOption) => {
      const { exampleRmCommand } = await import('./commands/workspace/example.js')
      setExitCode(await exampleRmCommand(path, name, ws(flags), terminal))
    })

  const env = command('env').description(
    'environments: list, show, set and unset values (secrets in local state)',
  )
  type EnvFlags = WorkspaceOption & { json?: boolean; showSecrets?: boolean; secret?: boolean }
  const envOptions = (flags: EnvFlags) => ({
    ...ws(flags),
    json: flags.json === true,
    showSecrets: flags.showSecrets === true,
  })
  command('ls', env)
    .description('list the environments')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print JSON')
    .action(async (flags: EnvFlags) => {
      const { envLsCommand } = await import('./commands/workspace/env.js')
      setExitCode(await envLsCommand(envOptions(flags), terminal))
    })
  command('show', env)
    .description('show an environment’s values (or "globals")')
    .argument('<name>', 'the environment')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print JSON')
    .option('--show-secrets', 'print secret values instead of ••••')
    .action(async (name: string, flags: EnvFlags) => {
      const { envShowCommand } = await import('./commands/workspace/env.js')
      setExitCode(await envShowCommand(name, envOptions(flags), terminal))
    })
  command('set', env)
    .description('set a value (creates the environment if needed)')
    .argument('<name>', 'the environment (or "globals")')
    .argument('<key>', 'the variable')
    .argument('<value>', 'its value')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--secret', 'a secret: the value is kept in local state, never in the file')
    .option('--show-secrets', 'echo the secret value')
    .action(async (name: string, key: string, value: string, flags: EnvFlags) => {
      const { envSetCommand } = await import('./commands/workspace/env.js')
      setExitCode(
        await envSetCommand(
          name,
          key,
          value,
          { ...envOptions(flags), secret: flags.secret === true },
          terminal,
        ),
      )
    })
  command('unset', env)
    .description('remove a value')
    .argument('<name>', 'the environment (or "globals")')
    .argument('<key>', 'the variable')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(async (name: string, key: string, flags: EnvFlags) => {
      const { envUnsetCommand } = await import('./commands/workspace/env.js')
      setExitCode(await envUnsetCommand(name, key, envOptions(flags), terminal))
    })
  return added
}

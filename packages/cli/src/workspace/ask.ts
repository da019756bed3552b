import { createInterface } from 'node:readline/promises'

/**
 * Asks a question on the terminal (stderr) and returns the answer typed on stdin.
 * @example const answer = await ask('Replace it? ')
 */
export async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await readline.question(question)
  } finally {
    readline.close()
  }
}

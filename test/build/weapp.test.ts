// Checks the WeChat build output (dist/weapp). It does not build: run `npm run build:weapp` first.
import fs from 'node:fs'
import path from 'node:path'

const distDir = path.resolve(__dirname, '../../dist/weapp')
const appJsonPath = path.join(distDir, 'app.json')

const MAIN_PAGES = ['pages/index/index', 'pages/repair/new', 'pages/tickets/index', 'pages/ticket/detail']
const STAFF_PAGES = ['inbox/index', 'task/index']
const DEV_ONLY_PAGE = 'pages/dev/identity'
const MAIN_PACKAGE_LIMIT_KB = 450 // WeChat allows 2 MB; our own budget keeps owners' first load fast.

interface SubPackage { root: string; pages: string[] }
interface AppJson { pages: string[]; subPackages?: SubPackage[]; subpackages?: SubPackage[] }

function readAppJson(): AppJson {
  if (!fs.existsSync(appJsonPath)) {
    throw new Error(`${path.relative(process.cwd(), appJsonPath)} is missing: run \`npm run build:weapp\` before this test.`)
  }
  return JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

describe('weapp build (dist/weapp)', () => {
  let app: AppJson
  let staff: SubPackage | undefined

  beforeAll(() => {
    app = readAppJson()
    staff = (app.subPackages ?? app.subpackages ?? []).find((p) => p.root === 'staff')
  })

  it('lists the main package pages, home first', () => {
    expect(app.pages).toEqual(expect.arrayContaining(MAIN_PAGES))
    expect(app.pages[0]).toBe('pages/index/index')
  })

  it('puts the staff pages in the "staff" subpackage', () => {
    expect(staff).toBeDefined()
    expect(staff!.pages).toEqual(expect.arrayContaining(STAFF_PAGES))
  })

  it('does not ship the local-mode identity switcher', () => {
    const allPages = [...app.pages, ...(staff?.pages ?? []).map((p) => `staff/${p}`)]
    expect(allPages).not.toContain(DEV_ONLY_PAGE)
    expect(fs.existsSync(path.join(distDir, `${DEV_ONLY_PAGE}.js`))).toBe(false)
  })

  it('emits .js, .wxml and .json for every listed page', () => {
    const pagePaths = [...app.pages, ...(staff?.pages ?? []).map((p) => `${staff!.root}/${p}`)]
    const missing = pagePaths.flatMap((page) =>
      ['.js', '.wxml', '.json']
        .map((ext) => `${page}${ext}`)
        .filter((file) => !fs.existsSync(path.join(distDir, file))),
    )
    expect(missing).toEqual([])
  })

  it(`keeps the main package under ${MAIN_PACKAGE_LIMIT_KB} KB`, () => {
    const staffDir = path.join(distDir, 'staff') + path.sep
    const mainFiles = filesUnder(distDir).filter((file) => !file.startsWith(staffDir))
    const totalKb = mainFiles.reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1024
    expect(totalKb).toBeLessThan(MAIN_PACKAGE_LIMIT_KB)
  })

  it('holds no local-mode code: no dev identity header, no local host calls, no zod', () => {
    const code = filesUnder(distDir)
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n')
    expect(code).not.toMatch(/x-dev-openid/i)
    expect(code).not.toMatch(/\/_local\//)
    expect(code).not.toMatch(/\/functions\//)
    // The contract's schemas stay on the server: only their types reach the mini-program.
    expect(code).not.toMatch(/ZodError|\$ZodType/)
    // The cloud call is what the mini-program uses instead.
    expect(code).toMatch(/callFunction/)
  })
})

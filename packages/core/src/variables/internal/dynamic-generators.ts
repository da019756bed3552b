import type { Faker } from '@faker-js/faker'

/** Makes one value of a dynamic variable from a seeded faker and the current time. */
export type DynamicGenerator = (faker: Faker, now: Date) => string

// A business-entity suffix, as Postman's faker 5 `company.companySuffix` gave (faker 9 has no such method).
const COMPANY_SUFFIXES = ['Inc', 'and Sons', 'LLC', 'Group'] as const

const image =
  (category: string): DynamicGenerator =>
  (faker) =>
    faker.image.urlLoremFlickr({ width: 640, height: 480, category })

const phoneNumber: DynamicGenerator = (faker) =>
  // Postman's "10-digit phone number" has faker 5's `###-###-####` shape, never an extension.
  faker.helpers.replaceSymbols('###-###-####')

/**
 * Every dynamic variable Postman documents, after postman-collection's `lib/superstring/dynamic-variables.js`,
 * mapped to the faker 9 API. Values are text because that is what substitution inserts.
 */
export const dynamicGenerators = {
  // Common
  $guid: (faker) => faker.string.uuid(),
  // Postman rounds (Math.round(Date.now() / 1000)), so we do too.
  $timestamp: (_faker, now) => String(Math.round(now.getTime() / 1000)),
  $isoTimestamp: (_faker, now) => now.toISOString(),
  $randomUUID: (faker) => faker.string.uuid(),

  // Text, numbers and colours
  $randomAlphaNumeric: (faker) => faker.string.alphanumeric(1),
  $randomBoolean: (faker) => String(faker.datatype.boolean()),
  // Postman: `~~(Math.random() * (1000 + 1))`, an integer in 0..1000.
  $randomInt: (faker) => String(faker.number.int({ min: 0, max: 1000 })),
  $randomColor: (faker) => faker.color.human(),
  $randomHexColor: (faker) => faker.color.rgb({ format: 'hex', casing: 'lower' }),
  $randomAbbreviation: (faker) => faker.hacker.abbreviation(),

  // Internet and IP addresses
  $randomIP: (faker) => faker.internet.ipv4(),
  $randomIPV6: (faker) => faker.internet.ipv6(),
  $randomMACAddress: (faker) => faker.internet.mac(),
  $randomPassword: (faker) => faker.internet.password({ length: 15 }),
  $randomLocale: (faker) => faker.location.language().alpha2,
  $randomUserAgent: (faker) => faker.internet.userAgent(),
  $randomProtocol: (faker) => faker.internet.protocol(),
  $randomSemver: (faker) => faker.system.semver(),

  // Names
  $randomFirstName: (faker) => faker.person.firstName(),
  $randomLastName: (faker) => faker.person.lastName(),
  $randomFullName: (faker) => faker.person.fullName(),
  $randomNamePrefix: (faker) => faker.person.prefix(),
  $randomNameSuffix: (faker) => faker.person.suffix(),

  // Profession
  $randomJobArea: (faker) => faker.person.jobArea(),
  $randomJobDescriptor: (faker) => faker.person.jobDescriptor(),
  $randomJobTitle: (faker) => faker.person.jobTitle(),
  $randomJobType: (faker) => faker.person.jobType(),

  // Phone, address and location
  $randomPhoneNumber: phoneNumber,
  $randomPhoneNumberExt: (faker, now) =>
    `${faker.number.int({ min: 1, max: 99 })}-${phoneNumber(faker, now)}`,
  $randomCity: (faker) => faker.location.city(),
  $randomStreetName: (faker) => faker.location.street(),
  $randomStreetAddress: (faker) => faker.location.streetAddress(),
  $randomCountry: (faker) => faker.location.country(),
  $randomCountryCode: (faker) => faker.location.countryCode('alpha-2'),
  $randomLatitude: (faker) => String(faker.location.latitude()),
  $randomLongitude: (faker) => String(faker.location.longitude()),

  // Images
  $randomAvatarImage: (faker) => faker.image.avatar(),
  $randomImageUrl: (faker) => faker.image.url({ width: 640, height: 480 }),
  $randomAbstractImage: image('abstract'),
  $randomAnimalsImage: image('animals'),
  $randomBusinessImage: image('business'),
  $randomCatsImage: image('cats'),
  $randomCityImage: image('city'),
  $randomFoodImage: image('food'),
  $randomNightlifeImage: image('nightlife'),
  $randomFashionImage: image('fashion'),
  $randomPeopleImage: image('people'),
  $randomNatureImage: image('nature'),
  $randomSportsImage: image('sports'),
  $randomTransportImage: image('transport'),
  $randomImageDataUri: (faker) => faker.image.dataUri({ width: 640, height: 480, type: 'svg-uri' }),

  // Finance
  $randomBankAccount: (faker) => faker.finance.accountNumber(8),
  $randomBankAccountName: (faker) => faker.finance.accountName(),
  // faker 5's `finance.mask`: the last four digits of a card number.
  $randomCreditCardMask: (faker) => faker.string.numeric(4),
  $randomBankAccountBic: (faker) => faker.finance.bic(),
  $randomBankAccountIban: (faker) => faker.finance.iban(),
  $randomTransactionType: (faker) => faker.finance.transactionType(),
  $randomCurrencyCode: (faker) => faker.finance.currencyCode(),
  $randomCurrencyName: (faker) => faker.finance.currencyName(),
  $randomCurrencySymbol: (faker) => faker.finance.currencySymbol(),
  $randomBitcoin: (faker) => faker.finance.bitcoinAddress(),

  // Business
  $randomCompanyName: (faker) => faker.company.name(),
  $randomCompanySuffix: (faker) => faker.helpers.arrayElement(COMPANY_SUFFIXES),
  $randomBs: (faker) => faker.company.buzzPhrase(),
  $randomBsAdjective: (faker) => faker.company.buzzAdjective(),
  $randomBsBuzz: (faker) => faker.company.buzzVerb(),
  $randomBsNoun: (faker) => faker.company.buzzNoun(),

  // Catchphrases
  $randomCatchPhrase: (faker) => faker.company.catchPhrase(),
  $randomCatchPhraseAdjective: (faker) => faker.company.catchPhraseAdjective(),
  $randomCatchPhraseDescriptor: (faker) => faker.company.catchPhraseDescriptor(),
  $randomCatchPhraseNoun: (faker) => faker.company.catchPhraseNoun(),

  // Databases
  $randomDatabaseColumn: (faker) => faker.database.column(),
  $randomDatabaseType: (faker) => faker.database.type(),
  $randomDatabaseCollation: (faker) => faker.database.collation(),
  $randomDatabaseEngine: (faker) => faker.database.engine(),

  // Dates: Postman substitutes a Date, which prints through Date#toString.
  $randomDateFuture: (faker, now) => faker.date.future({ refDate: now }).toString(),
  $randomDatePast: (faker, now) => faker.date.past({ refDate: now }).toString(),
  $randomDateRecent: (faker, now) => faker.date.recent({ refDate: now }).toString(),
  $randomWeekday: (faker) => faker.date.weekday(),
  $randomMonth: (faker) => faker.date.month(),

  // Domains, emails and usernames
  $randomDomainName: (faker) => faker.internet.domainName(),
  $randomDomainSuffix: (faker) => faker.internet.domainSuffix(),
  $randomDomainWord: (faker) => faker.internet.domainWord(),
  $randomEmail: (faker) => faker.internet.email(),
  $randomExampleEmail: (faker) => faker.internet.exampleEmail(),
  $randomUserName: (faker) => faker.internet.username(),
  $randomUrl: (faker) => faker.internet.url(),

  // Files and directories
  $randomFileName: (faker) => faker.system.fileName(),
  $randomFileType: (faker) => faker.system.fileType(),
  $randomFileExt: (faker) => faker.system.fileExt(),
  $randomCommonFileName: (faker) => faker.system.commonFileName(),
  $randomCommonFileType: (faker) => faker.system.commonFileType(),
  $randomCommonFileExt: (faker) => faker.system.commonFileExt(),
  $randomFilePath: (faker) => faker.system.filePath(),
  $randomDirectoryPath: (faker) => faker.system.directoryPath(),
  $randomMimeType: (faker) => faker.system.mimeType(),

  // Stores
  // Postman documents "a random price between 100.00 and 999.00".
  $randomPrice: (faker) => faker.finance.amount({ min: 100, max: 999, dec: 2 }),
  $randomProduct: (faker) => faker.commerce.product(),
  $randomProductAdjective: (faker) => faker.commerce.productAdjective(),
  $randomProductMaterial: (faker) => faker.commerce.productMaterial(),
  $randomProductName: (faker) => faker.commerce.productName(),
  $randomDepartment: (faker) => faker.commerce.department(),

  // Grammar
  $randomNoun: (faker) => faker.hacker.noun(),
  $randomVerb: (faker) => faker.hacker.verb(),
  $randomIngverb: (faker) => faker.hacker.ingverb(),
  $randomAdjective: (faker) => faker.hacker.adjective(),
  $randomWord: (faker) => faker.word.sample(),
  // Postman: 2 to 5 random words (faker's own default is 1 to 3).
  $randomWords: (faker) => faker.word.words({ count: { min: 2, max: 5 } }),
  $randomPhrase: (faker) => faker.hacker.phrase(),

  // Lorem ipsum
  $randomLoremWord: (faker) => faker.lorem.word(),
  $randomLoremWords: (faker) => faker.lorem.words(),
  $randomLoremSentence: (faker) => faker.lorem.sentence(),
  $randomLoremSentences: (faker) => faker.lorem.sentences({ min: 2, max: 6 }),
  $randomLoremParagraph: (faker) => faker.lorem.paragraph(),
  $randomLoremParagraphs: (faker) => faker.lorem.paragraphs(3),
  $randomLoremText: (faker) => faker.lorem.text(),
  $randomLoremSlug: (faker) => faker.lorem.slug(),
  $randomLoremLines: (faker) => faker.lorem.lines({ min: 1, max: 5 }),
} satisfies Record<`$${string}`, DynamicGenerator>

/** A dynamic variable's name, `$guid` or one of the `$random…` family. */
export type DynamicVariableName = keyof typeof dynamicGenerators

// The GoTo-style collection the OAuth 2.0 tests run (CLI and UI): the collection's auth is OAuth 2.0 with the
// authorization code grant and the client credentials as a Basic header, every URL and the client come from the
// environment, and "Get Organizer" uses the token's organizer_key.
export const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

/**
 * The collection as Postman v2.1 JSON (an object).
 * @example await writeFile(file, JSON.stringify(gotoCollection()))
 */
export function gotoCollection(): object {
  return {
    info: { name: 'GoToMeeting', _postman_id: '60t0a000-0000-4000-8000-000000000001', schema: v21 },
    auth: {
      type: 'oauth2',
      oauth2: [
        { key: 'tokenName', value: 'GoToMeeting', type: 'string' },
        { key: 'grant_type', value: 'authorization_code', type: 'string' },
        { key: 'authUrl', value: '{{authUrl}}', type: 'string' },
        { key: 'accessTokenUrl', value: '{{tokenUrl}}', type: 'string' },
        { key: 'clientId', value: '{{clientId}}', type: 'string' },
        { key: 'clientSecret', value: '{{clientSecret}}', type: 'string' },
        { key: 'redirect_uri', value: '{{callbackUrl}}', type: 'string' },
        { key: 'client_authentication', value: 'header', type: 'string' },
        { key: 'addTokenTo', value: 'header', type: 'string' },
      ],
    },
    item: [
      {
        name: 'Organizers',
        item: [
          {
            name: 'Get Organizer',
            id: 'get-organizer',
            request: { method: 'GET', url: '{{baseUrl}}/G2M/rest/organizers/{{organizer_key}}' },
          },
        ],
      },
      { name: 'Get Me', id: 'get-me', request: { method: 'GET', url: '{{baseUrl}}/admin/rest/v1/me' } },
    ],
  }
}

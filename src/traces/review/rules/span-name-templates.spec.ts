import { templateOf } from './span-name-templates';

describe('templateOf', () => {
  it.each([
    ['GET /users/12345', 'GET /users/{id}', ['number']],
    ['GET /users/123/orders/4567', 'GET /users/{id}/orders/{id}', ['number']],
    ['GET /orders/550e8400-e29b-41d4-a716-446655440000', 'GET /orders/{uuid}', ['uuid']],
    ['job 550E8400-E29B-41D4-A716-446655440000 done', 'job {uuid} done', ['uuid']],
    ['send welcome to ada.lovelace+test@example.co.uk', 'send welcome to {email}', ['email']],
    ['GET /blobs/4bf92f3577b34da6a3ce929d0e0e4736', 'GET /blobs/{hex}', ['hex']],
    ['commit 9fceb02d0ae598e95dc970b74767f19372d61af8', 'commit {hex}', ['hex']],
    ['GET /users/123?page=2', 'GET /users/{id}?page=2', ['number']],
    ['GET /a/550e8400-e29b-41d4-a716-446655440000/9999', 'GET /a/{uuid}/{id}', ['uuid', 'number']],
  ])('%s → %s', (name, template, kinds) => {
    expect(templateOf(name)).toEqual({ template, kinds });
  });

  it.each([
    'GET /users/:id',
    'GET /v1/questions',
    'GET /users/{id}',
    'GET /api/v2/items/42',
    'pg.query:SELECT assay_test_mwukozpe_24055_w1',
    'prisma:client:db_query',
    'HTTP 200',
    'process 1000 rows',
    'SELECT orders',
    'GET /deadbeefcafebabedeadbeef', // letters only: could be a word-like slug
    'GET /files/report2024',
    'user@host',
  ])('leaves %s alone', (name) => {
    expect(templateOf(name)).toBeUndefined();
  });
});

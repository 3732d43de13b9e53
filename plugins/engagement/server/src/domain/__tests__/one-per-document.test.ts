import { onePerDocument } from '../one-per-document';

describe('one row per localized document', () => {
  const rows = [
    { documentId: 'a', locale: 'fr', name: 'Mai à vélo' },
    { documentId: 'a', locale: 'en', name: 'Bike May' },
    { documentId: 'b', locale: 'fr', name: 'Rentrée' },
    { documentId: 'c', locale: 'de', name: 'Herbst' },
    { documentId: 'c', locale: 'it', name: 'Autunno' },
  ];

  it("keeps the reader's locale where the document has one, else the first row met, in the rows' order", () => {
    expect(onePerDocument(rows, 'en').map((row) => row.name)).toEqual(['Bike May', 'Rentrée', 'Herbst']);
    expect(onePerDocument(rows, 'fr').map((row) => row.name)).toEqual(['Mai à vélo', 'Rentrée', 'Herbst']);
    expect(onePerDocument(rows).map((row) => row.name)).toEqual(['Mai à vélo', 'Rentrée', 'Herbst']);
  });
});

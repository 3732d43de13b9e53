import { toPlainText } from '../plain-text';
import { normaliseEmail } from '../../services/identity.service';

describe('comments are plain text', () => {
  it.each([
    ['<script>alert(1)</script>Bonjour', 'alert(1)Bonjour'],
    ['<scr<script>ipt>alert(1)</script>', 'alert(1)'],
    ['<img src=x onerror=alert(1)>joli', 'joli'],
    ['<!-- caché -->visible', 'visible'],
    ['a < b et b > c, je <3 ce post', 'a < b et b > c, je <3 ce post'],
    ['<script', 'script'],
    ['ligne 1\r\n\r\n\r\n\r\nligne 2', 'ligne 1\n\nligne 2'],
    ['\u202eesrever\u0000 ok', 'esrever ok'],
  ])('%j → %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });
});

describe('author keys', () => {
  it('treat spellings of one address as one person', () => {
    expect(normaliseEmail('  Jane.Doe+news@GMail.com ')).toBe('janedoe@gmail.com');
    expect(normaliseEmail('jane.doe@googlemail.com')).toBe('janedoe@gmail.com');
    expect(normaliseEmail('Jean.Dupont+x@Exemple.fr')).toBe('jean.dupont@exemple.fr');
  });
});

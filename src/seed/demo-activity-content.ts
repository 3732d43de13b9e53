/**
 * What the demo's readers and entrants did: comments on the demo posts that went out (in French and
 * English), the entrants of the running cargo-bike contest, and a photo contest whose entries closed
 * at seeding, ready to draw. Mechanics are in seed-demo-activity.ts.
 */
import type { Localized } from './demo-content';

export type DemoComment = {
  /** The French title of the demo post it is written under. */
  post: string;
  locale: 'fr' | 'en';
  author: string;
  email: string;
  content: string;
  /**
   * approve: a moderator approves it (or it passes on its own, its author being known by then);
   * report: approved, then a reader reports it; leave: left to the rules' decision.
   */
  then: 'approve' | 'report' | 'leave';
};

export const DEMO_COMMENTS: DemoComment[] = [
  {
    post: 'Portrait : Inès, 12 000 km par an',
    locale: 'fr',
    author: 'Julien Moreau',
    email: 'julien.moreau@example.org',
    content: 'Merci pour ce portrait, ça donne envie de laisser la voiture au garage !',
    then: 'approve',
  },
  {
    post: 'Mai à vélo commence !',
    locale: 'fr',
    author: 'Camille Martin',
    email: 'camille.martin@example.org',
    content: 'Super initiative ! J’ai déjà fait 42 km cette semaine pour aller au travail.',
    then: 'approve',
  },
  {
    post: 'Mai à vélo commence !',
    locale: 'en',
    author: 'Tom Baker',
    email: 'tom.baker@example.com',
    content: 'Count me in: 60 km so far, mostly commuting along the Rhône.',
    then: 'approve',
  },
  {
    post: 'Atelier réparation gratuit',
    locale: 'fr',
    author: 'Sophie Leroy',
    email: 'sophie.leroy@example.org',
    content: 'Faut-il s’inscrire pour l’atelier de samedi, ou on passe directement ?',
    then: 'approve',
  },
  {
    post: 'Atelier réparation gratuit',
    locale: 'en',
    author: 'Priya Shah',
    email: 'priya.shah@example.com',
    content: 'Will there be someone who can look at hydraulic brakes? Mine squeal a lot.',
    then: 'approve',
  },
  {
    post: 'Jeu-concours : gagnez un vélo cargo',
    locale: 'fr',
    author: 'Lucas Petit',
    email: 'lucas.petit@example.org',
    content: 'J’ai participé ! Un tirage que tout le monde peut vérifier, c’est rassurant.',
    then: 'approve',
  },
  {
    post: 'Jeu-concours : gagnez un vélo cargo',
    locale: 'en',
    author: 'Emma Wilson',
    email: 'emma.wilson@example.com',
    content: 'Fingers crossed for the cargo bike, it would be perfect for the school run.',
    then: 'approve',
  },
  {
    post: 'Le défi des 100 km',
    locale: 'fr',
    author: 'Camille Martin',
    email: 'camille.martin@example.org',
    content: 'Défi relevé : 100 km avant vendredi, promis.',
    then: 'approve',
  },
  {
    post: 'Le défi des 100 km',
    locale: 'fr',
    author: 'Marc Dubreuil',
    email: 'marc.dubreuil@example.net',
    content: 'Encore un défi pour des cyclistes qui grillent tous les feux rouges de la ville.',
    then: 'report',
  },
  {
    // A known author, held by the links rule: the kind of comment a moderator reads twice.
    post: 'Mai à vélo commence !',
    locale: 'en',
    author: 'Tom Baker',
    email: 'tom.baker@example.com',
    content: 'Cheap bike parts here: https://velo-deals.example/promo?ref=tom, use code RIDE50!',
    then: 'leave',
  },
];

/** The reader who reports the comment marked `report`, and why. */
export const DEMO_REPORT = {
  reason: 'abuse' as const,
  note: 'Generalisation about cyclists, nothing to do with the challenge.',
};

/** The moderator the demo's decisions are recorded under. */
export const DEMO_MODERATOR = 'Modération Roue Libre';

const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Chloé',
  'Nathan',
  'Manon',
  'Louis',
  'Jade',
  'Gabriel',
  'Zoé',
  'Arthur',
  'Lina',
  'Raphaël',
  'Alice',
  'Jules',
  'Inès',
  'Adam',
  'Rose',
  'Paul',
  'Lou',
  'Victor',
  'Anna',
  'Maël',
  'Elsa',
  'Noé',
];
const LAST_NAMES = [
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Durand',
  'Lefebvre',
  'Fontaine',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'Francois',
  'Legrand',
  'Gauthier',
  'Perrin',
  'Morin',
  'Clément',
  'Lambert',
  'Bonnet',
  'Rousseau',
  'Vincent',
];
const COUNTRIES = ['FR', 'FR', 'FR', 'BE', 'FR', 'CH', 'FR', 'BE'];

export type DemoEntrant = {
  name: string;
  email: string;
  country: string;
  birthDate: string;
  publishName: boolean;
  marketing: boolean;
};

/** `count` entrants, different people (names, addresses) for each `offset`. */
export function demoEntrants(count: number, offset: number): DemoEntrant[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + offset;
    const first = FIRST_NAMES[n % FIRST_NAMES.length];
    const last = LAST_NAMES[(n * 7 + 3) % LAST_NAMES.length];
    const local = `${first}.${last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return {
      name: `${first} ${last}`,
      email: `${local}@example.${['org', 'net', 'com'][n % 3]}`,
      country: COUNTRIES[n % COUNTRIES.length],
      birthDate: `${1962 + ((n * 5) % 40)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
      publishName: n % 3 !== 0,
      marketing: n % 4 === 0,
    };
  });
}

/** An entrant whose throwaway address the fraud signals put in review, for the organizer to decide. */
export const DEMO_SUSPICIOUS_ENTRANT: DemoEntrant = {
  name: 'Kevin Promo',
  email: 'kevin.promo@yopmail.com',
  country: 'FR',
  birthDate: '1999-09-09',
  publishName: false,
  marketing: false,
};

/** The photo contest of the spring campaign: its entries closed when the demo was seeded. */
export const DEMO_CLOSED_CONTEST = {
  slug: 'concours-photo-balade',
  campaign: 'spring',
  partners: ['media'],
  openedDaysAgo: 12,
  text: {
    fr: {
      title: 'Concours photo : votre plus belle balade',
      description: 'Envoyez la photo de votre plus belle balade à vélo : trois sacoches à gagner.',
    },
    en: {
      title: 'Photo contest: your finest ride',
      description: 'Send us a photo of your finest bike ride: three panniers to win.',
    },
  } satisfies Localized<{ title: string; description: string }>,
  prize: { fr: 'Sacoche de vélo étanche', en: 'Waterproof pannier' } satisfies Localized<string>,
  entrants: 24,
  winners: 3,
  substitutes: 2,
};

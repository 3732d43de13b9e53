/**
 * Demo content for `npm run develop`: a cycling brand ("Roue Libre", Lyon) running three
 * campaigns in French and English. Dates are relative to the seeding day so that events stay
 * upcoming and the contest stays open.
 */
export type Localized<T> = { fr: T; en: T };

const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number, hour = 10): Date => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};
export const dateOnly = (date: Date): string => date.toISOString().slice(0, 10);

export type DemoCampaign = {
  key: string;
  slug: string;
  objective: string;
  state: string;
  startsInDays: number;
  durationDays: number;
  budget: number;
  text: Localized<{ name: string; description: string; hashtags: string[] }>;
  kpiTargets: { metric: string; target: number; network?: string }[];
  utm: { source: string; medium: string; campaign: string };
  color: string;
};

export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    key: 'spring',
    slug: 'mai-a-velo',
    objective: 'awareness',
    state: 'active',
    startsInDays: -10,
    durationDays: 40,
    budget: 4500,
    text: {
      fr: {
        name: 'Mai à vélo',
        description: 'Un mois pour donner envie de pédaler au quotidien : défis, ateliers et rencontres.',
        hashtags: ['#MaiAVelo', '#RoueLibre'],
      },
      en: {
        name: 'Bike Month',
        description: 'A month to make everyday cycling irresistible: challenges, workshops and meetups.',
        hashtags: ['#BikeMonth', '#RoueLibre'],
      },
    },
    kpiTargets: [
      { metric: 'reach', target: 250000 },
      { metric: 'engagement_rate', target: 3.5 },
      { metric: 'clicks', target: 4000, network: 'mastodon' },
    ],
    utm: { source: 'social', medium: 'organic', campaign: 'mai-a-velo' },
    color: '#2E9E6A',
  },
  {
    key: 'back-to-school',
    slug: 'rentree-en-selle',
    objective: 'acquisition',
    state: 'planned',
    startsInDays: 30,
    durationDays: 30,
    budget: 8000,
    text: {
      fr: {
        name: 'Rentrée en selle',
        description: 'Convaincre les étudiants et les salariés de venir au travail à vélo dès septembre.',
        hashtags: ['#RentreeEnSelle'],
      },
      en: {
        name: 'Back in the Saddle',
        description: 'Win students and commuters over to cycling to work from September on.',
        hashtags: ['#BackInTheSaddle'],
      },
    },
    kpiTargets: [
      { metric: 'registrations', target: 1200 },
      { metric: 'ctr', target: 1.8 },
    ],
    utm: { source: 'social', medium: 'paid', campaign: 'rentree-en-selle' },
    color: '#E0843A',
  },
  {
    key: 'ambassadors',
    slug: 'ambassadeurs',
    objective: 'loyalty',
    state: 'active',
    startsInDays: -60,
    durationDays: 180,
    budget: 2500,
    text: {
      fr: {
        name: 'Ambassadeurs Roue Libre',
        description: 'Faire vivre la communauté des cyclistes fidèles : témoignages, avant-premières, jeux.',
        hashtags: ['#AmbassadeursRL'],
      },
      en: {
        name: 'Roue Libre Ambassadors',
        description: 'Keep our loyal riders close: stories, previews and contests.',
        hashtags: ['#RLAmbassadors'],
      },
    },
    kpiTargets: [
      { metric: 'contest_entries', target: 800 },
      { metric: 'followers_gained', target: 1500 },
    ],
    utm: { source: 'social', medium: 'community', campaign: 'ambassadeurs' },
    color: '#7B61FF',
  },
];

export type DemoPost = {
  campaign: string;
  plannedInDays: number;
  editorialStatus: 'draft' | 'in_review' | 'approved';
  published: boolean;
  /**
   * The demo accounts (by network) it goes out on, with CROSS_POST_DEMO_ACCOUNTS=true: published
   * when its time is past, scheduled when it is to come; `refusedBy` is the network that refused it.
   */
  goesOutOn?: string[];
  refusedBy?: string;
  link?: string;
  text: Localized<{
    title: string;
    body: string;
    hashtags: string[];
    variants?: { network: string; text: string }[];
  }>;
};

export const DEMO_POSTS: DemoPost[] = [
  {
    campaign: 'spring',
    plannedInDays: -8,
    editorialStatus: 'approved',
    published: true,
    goesOutOn: ['mastodon', 'bluesky', 'x', 'facebook', 'linkedin', 'discord', 'telegram'],
    link: 'https://roue-libre.example/mai-a-velo',
    text: {
      fr: {
        title: 'Mai à vélo commence !',
        body: "C'est parti pour un mois de défis à vélo : combien de kilomètres ferez-vous cette semaine ? 🚲",
        hashtags: ['#MaiAVelo'],
        variants: [
          { network: 'x', text: 'Mai à vélo commence ! Combien de km cette semaine ? 🚲 #MaiAVelo' },
        ],
      },
      en: {
        title: 'Bike Month starts now!',
        body: 'A month of cycling challenges begins: how many kilometres will you ride this week? 🚲',
        hashtags: ['#BikeMonth'],
        variants: [{ network: 'x', text: 'Bike Month starts now! How many km this week? 🚲 #BikeMonth' }],
      },
    },
  },
  {
    campaign: 'spring',
    plannedInDays: -5,
    editorialStatus: 'approved',
    published: true,
    goesOutOn: ['mastodon', 'bluesky', 'facebook', 'discord', 'telegram'],
    text: {
      fr: {
        title: 'Atelier réparation gratuit',
        body: 'Samedi, nos mécaniciens vous apprennent à régler vos freins et à changer une chambre à air.',
        hashtags: ['#MaiAVelo', '#Atelier'],
      },
      en: {
        title: 'Free repair workshop',
        body: 'On Saturday our mechanics show you how to adjust your brakes and change an inner tube.',
        hashtags: ['#BikeMonth', '#Workshop'],
      },
    },
  },
  {
    campaign: 'spring',
    plannedInDays: -2,
    editorialStatus: 'approved',
    published: true,
    goesOutOn: ['mastodon', 'bluesky', 'x', 'facebook', 'linkedin'],
    refusedBy: 'x',
    link: 'https://roue-libre.example/defi-km',
    text: {
      fr: {
        title: 'Le défi des 100 km',
        body: 'Partagez votre trajet du jour avec #MaiAVelo : les 100 premiers kilomètres comptent double.',
        hashtags: ['#MaiAVelo', '#Defi100km'],
        variants: [
          {
            network: 'linkedin',
            text: 'Et si vos équipes venaient au bureau à vélo ? Relevez le défi des 100 km avec Roue Libre.',
          },
        ],
      },
      en: {
        title: 'The 100 km challenge',
        body: 'Share your ride of the day with #BikeMonth: the first 100 kilometres count double.',
        hashtags: ['#BikeMonth', '#100kmChallenge'],
        variants: [
          {
            network: 'linkedin',
            text: 'What if your team rode to the office? Take the 100 km challenge with Roue Libre.',
          },
        ],
      },
    },
  },
  {
    campaign: 'spring',
    plannedInDays: 3,
    editorialStatus: 'in_review',
    published: false,
    text: {
      fr: {
        title: 'Bilan de mi-parcours',
        body: 'À mi-chemin de Mai à vélo, vous avez déjà parcouru 42 000 km. Merci !',
        hashtags: ['#MaiAVelo'],
      },
      en: {
        title: 'Halfway there',
        body: 'Halfway through Bike Month you have already ridden 42,000 km. Thank you!',
        hashtags: ['#BikeMonth'],
      },
    },
  },
  {
    campaign: 'back-to-school',
    plannedInDays: 28,
    editorialStatus: 'approved',
    published: true,
    goesOutOn: ['facebook', 'linkedin', 'x'],
    link: 'https://roue-libre.example/rentree',
    text: {
      fr: {
        title: 'La rentrée se fait en selle',
        body: 'Étudiants : -30 % sur l’abonnement annuel jusqu’au 30 septembre.',
        hashtags: ['#RentreeEnSelle'],
      },
      en: {
        title: 'Back to school, back in the saddle',
        body: 'Students: 30% off the yearly pass until 30 September.',
        hashtags: ['#BackInTheSaddle'],
      },
    },
  },
  {
    campaign: 'back-to-school',
    plannedInDays: 32,
    editorialStatus: 'approved',
    published: true,
    text: {
      fr: {
        title: 'Venir au travail à vélo',
        body: 'Le forfait mobilités durables, comment ça marche ? On vous explique en 3 minutes.',
        hashtags: ['#RentreeEnSelle', '#FMD'],
      },
      en: {
        title: 'Cycling to work',
        body: 'How does the French sustainable mobility allowance work? Explained in 3 minutes.',
        hashtags: ['#BackInTheSaddle'],
      },
    },
  },
  {
    campaign: 'back-to-school',
    plannedInDays: 35,
    editorialStatus: 'draft',
    published: false,
    text: {
      fr: {
        title: 'Itinéraires sûrs vers les campus',
        body: 'Notre carte des pistes cyclables vers les campus de Lyon.',
        hashtags: ['#RentreeEnSelle'],
      },
      en: {
        title: 'Safe routes to campus',
        body: 'Our map of the cycle lanes to Lyon’s campuses.',
        hashtags: ['#BackInTheSaddle'],
      },
    },
  },
  {
    campaign: 'back-to-school',
    plannedInDays: 40,
    editorialStatus: 'approved',
    published: true,
    text: {
      fr: {
        title: 'Antivol : les bons réflexes',
        body: 'Un bon antivol en U, un point d’attache fixe, et votre vélo vous attendra ce soir.',
        hashtags: ['#Securite'],
      },
      en: {
        title: 'Locking your bike right',
        body: 'A solid U-lock and a fixed rack: your bike will be there tonight.',
        hashtags: ['#BikeSafety'],
      },
    },
  },
  {
    campaign: 'ambassadors',
    plannedInDays: -25,
    editorialStatus: 'approved',
    published: true,
    goesOutOn: ['mastodon', 'bluesky', 'facebook', 'linkedin', 'telegram'],
    text: {
      fr: {
        title: 'Portrait : Inès, 12 000 km par an',
        body: 'Inès traverse Lyon tous les jours depuis six ans. Elle nous raconte.',
        hashtags: ['#AmbassadeursRL'],
      },
      en: {
        title: 'Meet Inès: 12,000 km a year',
        body: 'Inès has crossed Lyon every day for six years. Here is her story.',
        hashtags: ['#RLAmbassadors'],
      },
    },
  },
  {
    campaign: 'ambassadors',
    plannedInDays: -3,
    editorialStatus: 'approved',
    published: true,
    goesOutOn: ['mastodon', 'bluesky', 'x', 'facebook', 'discord', 'telegram'],
    link: 'https://roue-libre.example/concours-cargo',
    text: {
      fr: {
        title: 'Jeu-concours : gagnez un vélo cargo',
        body: 'Tentez de gagner un vélo cargo électrique ! Tirage au sort vérifiable, règlement en ligne.',
        hashtags: ['#Concours', '#AmbassadeursRL'],
        variants: [
          {
            network: 'bluesky',
            text: 'Jeu-concours 🎁 un vélo cargo électrique à gagner. Tirage vérifiable par tous.',
          },
        ],
      },
      en: {
        title: 'Contest: win a cargo bike',
        body: 'Enter to win an electric cargo bike! Verifiable draw, rules online.',
        hashtags: ['#Contest', '#RLAmbassadors'],
        variants: [
          { network: 'bluesky', text: 'Contest 🎁 win an electric cargo bike. A draw anyone can verify.' },
        ],
      },
    },
  },
  {
    campaign: 'ambassadors',
    plannedInDays: 6,
    editorialStatus: 'approved',
    published: true,
    goesOutOn: ['mastodon', 'bluesky', 'x', 'facebook', 'discord'],
    text: {
      fr: {
        title: 'Avant-première : le nouveau casque',
        body: 'Nos ambassadeurs testent en avant-première le casque Lumière. Verdict jeudi.',
        hashtags: ['#AmbassadeursRL'],
      },
      en: {
        title: 'Sneak peek: the new helmet',
        body: 'Our ambassadors are first to test the Lumière helmet. Verdict on Thursday.',
        hashtags: ['#RLAmbassadors'],
      },
    },
  },
  {
    campaign: 'ambassadors',
    plannedInDays: 12,
    editorialStatus: 'in_review',
    published: false,
    text: {
      fr: {
        title: 'Merci à nos 1 000 ambassadeurs',
        body: 'Vous êtes désormais 1 000 à porter les couleurs de Roue Libre.',
        hashtags: ['#AmbassadeursRL'],
      },
      en: {
        title: 'Thank you, 1,000 ambassadors',
        body: '1,000 of you now ride in Roue Libre colours.',
        hashtags: ['#RLAmbassadors'],
      },
    },
  },
];

export type DemoPartnership = {
  key: string;
  slug: string;
  partnerName: string;
  type: string;
  state: string;
  website: string;
  campaigns: string[];
  value: number;
  trackingCode: string;
  contact: { name: string; role: string; email: string; phone: string };
  deliverables: { what: string; dueInDays: number; done: boolean }[];
  internalNotes: string;
  description: Localized<string>;
};

export const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    key: 'association',
    slug: 'lyon-velo-solidaire',
    partnerName: 'Lyon Vélo Solidaire',
    type: 'association',
    state: 'active',
    website: 'https://lyon-velo-solidaire.example',
    campaigns: ['spring', 'ambassadors'],
    value: 1500,
    trackingCode: 'LVS2027',
    contact: {
      name: 'Hugo Bernard',
      role: 'Président',
      email: 'hugo.bernard@lyon-velo-solidaire.example',
      phone: '+33 4 78 00 00 01',
    },
    deliverables: [
      { what: 'Animer deux ateliers réparation', dueInDays: 5, done: false },
      { what: 'Relayer le défi des 100 km', dueInDays: -2, done: true },
    ],
    internalNotes: 'Subvention versée en deux fois ; renouvellement à discuter en septembre.',
    description: {
      fr: 'Association lyonnaise qui remet en état des vélos pour les personnes qui en ont besoin.',
      en: 'A Lyon charity that refurbishes bikes for people who need one.',
    },
  },
  {
    key: 'city',
    slug: 'metropole-de-lyon',
    partnerName: 'Métropole de Lyon',
    type: 'local_authority',
    state: 'negotiating',
    website: 'https://metropole-lyon.example',
    campaigns: ['back-to-school'],
    value: 12000,
    trackingCode: 'METRO-RENTREE',
    contact: {
      name: 'Claire Dubois',
      role: 'Chargée de mobilité',
      email: 'c.dubois@metropole-lyon.example',
      phone: '+33 4 78 00 00 02',
    },
    deliverables: [{ what: 'Co-branding des affiches campus', dueInDays: 25, done: false }],
    internalNotes: 'Attente du vote du budget mobilité ; ne rien annoncer avant.',
    description: {
      fr: 'La collectivité soutient les trajets domicile-travail à vélo.',
      en: 'The local authority supports cycling to work.',
    },
  },
  {
    key: 'media',
    slug: 'le-petit-pedaleur',
    partnerName: 'Le Petit Pédaleur',
    type: 'media',
    state: 'active',
    website: 'https://petit-pedaleur.example',
    campaigns: ['spring'],
    value: 3000,
    trackingCode: 'PP-MAI',
    contact: {
      name: 'Sami Haddad',
      role: 'Rédacteur en chef',
      email: 'sami@petit-pedaleur.example',
      phone: '+33 6 00 00 00 03',
    },
    deliverables: [{ what: 'Un article sponsorisé et une newsletter', dueInDays: 10, done: false }],
    internalNotes: 'Tarif négocié -20 % contre une exclusivité sur le défi.',
    description: { fr: 'Le magazine des cyclistes urbains.', en: 'The urban cyclists’ magazine.' },
  },
  {
    key: 'influencer',
    slug: 'cyclette',
    partnerName: 'Cyclette',
    type: 'influencer',
    state: 'active',
    website: 'https://cyclette.example',
    campaigns: ['ambassadors'],
    value: 2000,
    trackingCode: 'CYCLETTE10',
    contact: {
      name: 'Léa Morel',
      role: 'Créatrice de contenu',
      email: 'lea@cyclette.example',
      phone: '+33 6 00 00 00 04',
    },
    deliverables: [{ what: 'Trois vidéos sur le vélo cargo', dueInDays: 15, done: false }],
    internalNotes: 'Contrat jusqu’à fin juin ; mentionner #partenariat à chaque publication.',
    description: { fr: 'Créatrice de contenu vélo et voyage.', en: 'Cycling and travel creator.' },
  },
];

export type DemoEvent = {
  slug: string;
  kind: string;
  campaign: string;
  partners: string[];
  startsInDays: number;
  durationHours: number;
  capacity?: number;
  onlineUrl?: string;
  registrationUrl?: string;
  place?: { venue: string; address: string; postalCode: string; city: string; country: string };
  text: Localized<{ title: string; description: string }>;
  contest?: boolean;
};

export const DEMO_EVENTS: DemoEvent[] = [
  {
    slug: 'apero-velo-lyon',
    kind: 'meetup',
    campaign: 'spring',
    partners: ['association'],
    startsInDays: 4,
    durationHours: 3,
    capacity: 60,
    registrationUrl: 'https://roue-libre.example/apero',
    place: {
      venue: 'La Guinguette du Rhône',
      address: '12 quai Claude-Bernard',
      postalCode: '69007',
      city: 'Lyon',
      country: 'FR',
    },
    text: {
      fr: {
        title: 'Apéro vélo à Lyon',
        description: 'Rencontrez la communauté Roue Libre autour d’un verre, au bord du Rhône.',
      },
      en: {
        title: 'Bike social in Lyon',
        description: 'Meet the Roue Libre community for a drink by the Rhône.',
      },
    },
  },
  {
    slug: 'webinaire-entretien-hiver',
    kind: 'webinar',
    campaign: 'spring',
    partners: ['media'],
    startsInDays: 9,
    durationHours: 1,
    onlineUrl: 'https://roue-libre.example/live/entretien',
    text: {
      fr: {
        title: 'Webinaire : entretenir son vélo',
        description: 'Une heure pour apprendre les gestes qui évitent les pannes.',
      },
      en: {
        title: 'Webinar: looking after your bike',
        description: 'One hour to learn the habits that prevent breakdowns.',
      },
    },
  },
  {
    slug: 'salon-du-cycle',
    kind: 'conference',
    campaign: 'back-to-school',
    partners: ['city'],
    startsInDays: 45,
    durationHours: 8,
    capacity: 2000,
    place: {
      venue: 'Eurexpo',
      address: 'Boulevard de l’Europe',
      postalCode: '69680',
      city: 'Chassieu',
      country: 'FR',
    },
    text: {
      fr: {
        title: 'Salon du Cycle (couverture en direct)',
        description: 'Nous couvrons le salon en direct sur nos réseaux.',
      },
      en: {
        title: 'Cycle Show (live coverage)',
        description: 'Live coverage of the show on our social accounts.',
      },
    },
  },
  {
    slug: 'concours-velo-cargo',
    kind: 'contest',
    campaign: 'ambassadors',
    partners: ['influencer'],
    // The contest opens two minutes after seeding, so the seed can commit its draw before entries open.
    startsInDays: 0,
    durationHours: 24 * 24,
    contest: true,
    text: {
      fr: {
        title: 'Jeu-concours : un vélo cargo à gagner',
        description:
          'Participez et tentez de gagner un vélo cargo électrique. Tirage au sort vérifiable par tous.',
      },
      en: {
        title: 'Contest: win a cargo bike',
        description: 'Enter for a chance to win an electric cargo bike. A draw anyone can verify.',
      },
    },
  },
];

export const DEMO_CONTEST_RULES: Localized<string> = {
  fr: 'Jeu gratuit sans obligation d’achat, ouvert aux personnes majeures résidant en France, en Belgique ou en Suisse. Une participation par personne. Tirage au sort par engagement–révélation : l’empreinte de la graine est publiée avant l’ouverture.',
  en: 'Free to enter, no purchase necessary, open to adults living in France, Belgium or Switzerland. One entry per person. Commit–reveal draw: the seed’s hash is published before entries open.',
};

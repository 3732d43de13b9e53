import type { SchemaTexts } from './types';

/** Le modèle de contenu en français : noms, libellés et aides des champs, valeurs des listes. */
export const fr: SchemaTexts = {
  contentTypes: {
    'api::campaign.campaign': {
      name: 'Campagne',
      fields: {
        name: {
          label: 'Nom',
          hint: 'Le nom de la campagne pour l’équipe, par ex. « Lancement printemps 2026 ».',
        },
        slug: { label: 'Identifiant d’URL', hint: 'La campagne dans les adresses, tiré du nom.' },
        description: {
          label: 'Description',
          hint: 'De quoi parle la campagne, pour l’équipe et le site public.',
        },
        objective: { label: 'Objectif', hint: 'Ce que vise surtout la campagne.' },
        state: { label: 'État', hint: 'Où en est la campagne aujourd’hui.' },
        startsOn: { label: 'Début', hint: 'Premier jour de la campagne.' },
        endsOn: { label: 'Fin', hint: 'Dernier jour de la campagne.' },
        budget: { label: 'Budget', hint: 'Privé : jamais affiché sur le site public.' },
        currency: { label: 'Devise', hint: 'Code à trois lettres du budget, par ex. EUR.' },
        timeZone: {
          label: 'Fuseau horaire',
          hint: 'Nom IANA comme Europe/Paris : l’engagement est compté le jour où il a eu lieu là-bas. Vide : le fuseau par défaut.',
        },
        kpiTargets: {
          label: 'Objectifs chiffrés',
          hint: 'Les chiffres visés, par indicateur et, au besoin, par réseau.',
        },
        hashtags: { label: 'Hashtags', hint: 'Hashtags repris par toutes les publications de la campagne.' },
        utm: {
          label: 'Paramètres UTM',
          hint: 'Ajoutés à chaque lien des publications, pour suivre les visites.',
        },
        color: { label: 'Couleur', hint: 'Couleur de la campagne dans le calendrier, au format #RRVVBB.' },
        posts: { label: 'Publications', hint: 'Les publications de cette campagne.' },
        events: { label: 'Événements', hint: 'Les événements de cette campagne.' },
        partnerships: { label: 'Partenariats', hint: 'Les partenaires associés à cette campagne.' },
      },
    },
    'api::event.event': {
      name: 'Événement',
      fields: {
        title: { label: 'Titre', hint: 'Le nom de l’événement tel que le public le voit.' },
        slug: { label: 'Identifiant d’URL', hint: 'L’événement dans les adresses, tiré du titre.' },
        kind: {
          label: 'Type',
          hint: 'La nature de l’événement. Choisissez « Concours » pour remplir le concours plus bas.',
        },
        state: { label: 'État', hint: 'Si l’événement a lieu comme prévu.' },
        description: { label: 'Description', hint: 'Programme, intervenants, infos pratiques.' },
        startsAt: { label: 'Début', hint: 'Date et heure du début.' },
        endsAt: { label: 'Fin', hint: 'Date et heure de la fin.' },
        timeZone: { label: 'Fuseau horaire', hint: 'Nom IANA du lieu, comme Europe/Paris.' },
        place: {
          label: 'Lieu',
          hint: 'Où cela se passe. Laissez vide pour un événement uniquement en ligne.',
        },
        onlineUrl: {
          label: 'Lien en ligne',
          hint: 'Adresse de la diffusion ou de la visio, s’il y en a une.',
        },
        capacity: { label: 'Capacité', hint: 'Nombre de places disponibles.' },
        registrationUrl: { label: 'Lien d’inscription', hint: 'Où le public s’inscrit.' },
        cover: { label: 'Visuel', hint: 'Image affichée avec l’événement.' },
        campaign: { label: 'Campagne', hint: 'La campagne dont fait partie l’événement.' },
        partners: { label: 'Partenaires', hint: 'Les partenariats liés à l’événement.' },
        contest: {
          label: 'Concours',
          hint: 'Règlement, période de participation et lots, pour un concours seulement.',
        },
      },
    },
    'api::partnership.partnership': {
      name: 'Partenariat',
      fields: {
        partnerName: {
          label: 'Nom du partenaire',
          hint: 'Nom de l’entreprise, de l’association, du média ou de la personne.',
        },
        slug: { label: 'Identifiant d’URL', hint: 'Le partenaire dans les adresses, tiré du nom.' },
        type: { label: 'Type', hint: 'La nature du partenaire.' },
        description: {
          label: 'Description',
          hint: 'Qui est le partenaire et sur quoi porte le partenariat.',
        },
        website: { label: 'Site web', hint: 'Le site du partenaire.' },
        logo: { label: 'Logo', hint: 'Affiché sur le site public.' },
        state: { label: 'État', hint: 'Où en est le partenariat.' },
        startsOn: { label: 'Début', hint: 'Premier jour du partenariat.' },
        endsOn: { label: 'Fin', hint: 'Dernier jour du partenariat.' },
        contact: { label: 'Contact', hint: 'Privé : l’interlocuteur chez le partenaire.' },
        deliverables: {
          label: 'Contreparties',
          hint: 'Privé : ce que chacun s’est engagé à fournir, et si c’est fait.',
        },
        value: { label: 'Valeur', hint: 'Privé : le montant du partenariat.' },
        currency: { label: 'Devise', hint: 'Code à trois lettres de la valeur, par ex. EUR.' },
        trackingCode: {
          label: 'Code de suivi',
          hint: 'Code promo ou de parrainage qui compte l’audience du partenaire.',
        },
        trackingUrl: {
          label: 'Lien de suivi',
          hint: 'Destination des liens suivis du partenaire ; vide : son site web.',
        },
        internalNotes: { label: 'Notes internes', hint: 'Privé : pour l’équipe uniquement.' },
        campaigns: { label: 'Campagnes', hint: 'Les campagnes auxquelles participe le partenaire.' },
        events: { label: 'Événements', hint: 'Les événements auxquels participe le partenaire.' },
      },
    },
    'api::post.post': {
      name: 'Publication',
      fields: {
        title: { label: 'Titre', hint: 'Pour l’équipe et le site public ; n’est pas envoyé aux réseaux.' },
        body: {
          label: 'Texte',
          hint: 'Le texte principal, envoyé à chaque réseau qui n’a pas sa propre variante.',
        },
        variants: {
          label: 'Variantes par réseau',
          hint: 'Un autre texte pour un réseau, quand le texte principal ne convient pas.',
        },
        media: { label: 'Médias', hint: 'Images et vidéos jointes à la publication.' },
        link: {
          label: 'Lien',
          hint: 'Adresse ajoutée à la publication, commençant par http:// ou https://.',
        },
        hashtags: { label: 'Hashtags', hint: 'Hashtags ajoutés à la publication.' },
        campaign: { label: 'Campagne', hint: 'La campagne dont fait partie la publication.' },
        plannedAt: { label: 'Prévue le', hint: 'Quand la publication doit partir.' },
        editorialStatus: {
          label: 'Statut éditorial',
          hint: 'Où en est le texte dans la relecture de l’équipe.',
        },
      },
    },
  },
  components: {
    'campaign.kpi-target': {
      name: 'Objectif chiffré',
      fields: {
        metric: { label: 'Indicateur', hint: 'Ce qui est compté.' },
        target: { label: 'Cible', hint: 'Le chiffre à atteindre d’ici la fin de la campagne.' },
        network: { label: 'Réseau', hint: 'Ce réseau seulement ; vide : tous les réseaux ensemble.' },
        note: { label: 'Note', hint: 'Pourquoi cette cible, ou comment elle est mesurée.' },
      },
    },
    'campaign.utm': {
      name: 'Paramètres UTM',
      fields: {
        source: { label: 'Source', hint: 'utm_source : d’où vient la visite, par ex. mastodon.' },
        medium: { label: 'Support', hint: 'utm_medium : le type de canal, par ex. social.' },
        campaign: { label: 'Campagne', hint: 'utm_campaign : le nom de la campagne dans les statistiques.' },
        term: { label: 'Terme', hint: 'utm_term : un mot-clé, surtout pour la publicité.' },
        content: { label: 'Contenu', hint: 'utm_content : distingue les liens d’une même campagne.' },
      },
    },
    'contest.prize': {
      name: 'Lot',
      fields: {
        name: { label: 'Nom', hint: 'Ce que reçoit le gagnant.' },
        description: { label: 'Description', hint: 'Le détail du lot.' },
        quantity: { label: 'Quantité', hint: 'Combien d’exemplaires de ce lot.' },
        unitValue: { label: 'Valeur unitaire', hint: 'Valeur d’un lot, comme indiqué dans le règlement.' },
        currency: { label: 'Devise', hint: 'Code à trois lettres de la valeur, par ex. EUR.' },
      },
    },
    'contest.settings': {
      name: 'Concours',
      fields: {
        organizer: {
          label: 'Organisateur',
          hint: 'Qui organise le concours, tel que nommé dans le règlement.',
        },
        rules: { label: 'Règlement', hint: 'Le règlement complet accepté par les participants.' },
        entryOpensAt: {
          label: 'Ouverture des participations',
          hint: 'À partir de ce moment, on peut participer.',
        },
        entryClosesAt: {
          label: 'Clôture des participations',
          hint: 'Après ce moment, plus aucune participation n’est acceptée.',
        },
        prizes: { label: 'Lots', hint: 'Ce qui est à gagner.' },
        minimumAge: { label: 'Âge minimum', hint: 'Les participants doivent avoir au moins cet âge.' },
        eligibleCountries: {
          label: 'Pays éligibles',
          hint: 'Codes pays à deux lettres, par ex. ["FR", "BE"] ; vide : ouvert à tous les pays.',
        },
        entriesPerPerson: {
          label: 'Participations par personne',
          hint: 'Combien de fois une même personne peut participer.',
        },
        winnersCount: { label: 'Nombre de gagnants', hint: 'Combien de gagnants le tirage désigne.' },
        substitutesCount: {
          label: 'Nombre de suppléants',
          hint: 'Tirés après les gagnants, dans l’ordre, au cas où un gagnant ne réclame pas son lot.',
        },
        claimDays: {
          label: 'Délai de réclamation (jours)',
          hint: 'Un gagnant sans réponse après ce délai est remplacé.',
        },
        retentionDays: {
          label: 'Conservation des participations (jours)',
          hint: 'Les données personnelles des participations sont effacées ce nombre de jours après la clôture.',
        },
        beaconSource: {
          label: 'Source d’aléa public',
          hint: 'Facultatif : la valeur aléatoire publique, fixée après la clôture (par ex. un tour drand), qui initialise le tirage.',
        },
        doubleOptIn: {
          label: 'Confirmation par e-mail',
          hint: 'Une participation ne compte qu’une fois son adresse e-mail confirmée.',
        },
      },
    },
    'partnership.deliverable': {
      name: 'Contrepartie',
      fields: {
        what: { label: 'Quoi', hint: 'Ce qui est promis, et par qui.' },
        dueOn: { label: 'Échéance', hint: 'Date à laquelle ce doit être fourni.' },
        done: { label: 'Fait', hint: 'Cochez une fois la contrepartie fournie.' },
      },
    },
    'post.network-variant': {
      name: 'Variante par réseau',
      fields: {
        summary: {
          label: 'Résumé',
          hint: 'Écrit à l’enregistrement : le réseau et le début du texte, en-tête d’une variante repliée.',
        },
        network: { label: 'Réseau', hint: 'Le réseau auquel ce texte est destiné.' },
        text: { label: 'Texte', hint: 'Remplace le texte principal sur ce réseau.' },
        link: {
          label: 'Lien',
          hint: 'Remplace le lien de la publication sur ce réseau ; vide : le lien de la publication.',
        },
      },
    },
    'shared.contact': {
      name: 'Contact',
      fields: {
        name: { label: 'Nom', hint: 'Prénom et nom.' },
        role: { label: 'Fonction', hint: 'Son poste ou son rôle chez le partenaire.' },
        email: { label: 'E-mail', hint: 'Adresse à laquelle écrire.' },
        phone: { label: 'Téléphone', hint: 'Avec l’indicatif du pays, par ex. +33 6 12 34 56 78.' },
      },
    },
    'shared.place': {
      name: 'Lieu',
      fields: {
        venue: { label: 'Salle', hint: 'Nom du bâtiment ou de la salle.' },
        address: { label: 'Adresse', hint: 'Numéro et rue.' },
        postalCode: { label: 'Code postal', hint: 'Tel qu’écrit sur le courrier.' },
        city: { label: 'Ville', hint: 'Ville ou commune.' },
        country: { label: 'Pays', hint: 'Code à deux lettres, par ex. FR.' },
        latitude: { label: 'Latitude', hint: 'Pour la carte, en degrés décimaux, par ex. 48.8566.' },
        longitude: { label: 'Longitude', hint: 'Pour la carte, en degrés décimaux, par ex. 2.3522.' },
      },
    },
  },
  enumValues: {
    // Statut éditorial d'une publication
    draft: 'Brouillon',
    in_review: 'En relecture',
    approved: 'Validée',
    // Objectif d'une campagne
    awareness: 'Notoriété',
    acquisition: 'Acquisition',
    loyalty: 'Fidélisation',
    engagement: 'Engagement',
    traffic: 'Trafic',
    event_promotion: 'Promotion d’événement',
    // État d'une campagne (et d'un partenariat pour « active »)
    planned: 'Prévue',
    active: 'En cours',
    paused: 'En pause',
    completed: 'Terminée',
    // Type d'événement
    meetup: 'Rencontre',
    webinar: 'Webinaire',
    conference: 'Conférence ou couverture en direct',
    launch: 'Lancement',
    contest: 'Concours',
    other: 'Autre',
    // État d'un événement
    scheduled: 'Programmé',
    postponed: 'Reporté',
    cancelled: 'Annulé',
    sold_out: 'Complet',
    // Type de partenaire
    company: 'Entreprise',
    association: 'Association',
    local_authority: 'Collectivité locale',
    media: 'Média',
    influencer: 'Influenceur',
    blogger: 'Blogueur',
    school: 'École',
    // État d'un partenariat
    prospect: 'Prospect',
    negotiating: 'En négociation',
    ended: 'Terminé',
    // Réseaux
    mastodon: 'Mastodon',
    bluesky: 'Bluesky',
    x: 'X',
    facebook: 'Facebook',
    linkedin: 'LinkedIn',
    discord: 'Discord',
    telegram: 'Telegram',
    instagram: 'Instagram',
    threads: 'Threads',
    wordpress: 'WordPress',
    discourse: 'Discourse',
    pinterest: 'Pinterest',
    youtube: 'YouTube',
    // Indicateurs
    impressions: 'Impressions',
    reach: 'Portée',
    engagements: 'Interactions',
    engagement_rate: 'Taux d’engagement',
    clicks: 'Clics',
    ctr: 'Taux de clic',
    followers_gained: 'Abonnés gagnés',
    comments: 'Commentaires',
    shares: 'Partages',
    registrations: 'Inscriptions',
    contest_entries: 'Participations au concours',
    conversions: 'Conversions',
  },
};

import type { SchemaTexts } from './types';

/** The content model in English: names, field labels and hints, enum values. */
export const en: SchemaTexts = {
  contentTypes: {
    'api::campaign.campaign': {
      name: 'Campaign',
      fields: {
        name: { label: 'Name', hint: 'How the team calls the campaign, e.g. "Spring launch 2026".' },
        slug: { label: 'Slug', hint: 'The campaign in URLs, made from the name.' },
        description: {
          label: 'Description',
          hint: 'What the campaign is about, for the team and the public site.',
        },
        objective: { label: 'Objective', hint: 'What the campaign mainly aims for.' },
        state: { label: 'State', hint: 'Where the campaign stands today.' },
        startsOn: { label: 'Starts on', hint: 'First day of the campaign.' },
        endsOn: { label: 'Ends on', hint: 'Last day of the campaign.' },
        budget: { label: 'Budget', hint: 'Private: never shown on the public site.' },
        currency: { label: 'Currency', hint: 'Three-letter code of the budget, e.g. EUR.' },
        timeZone: {
          label: 'Time zone',
          hint: 'IANA name such as Europe/Paris: engagement is counted on the day it happened there. Empty: the default time zone.',
        },
        kpiTargets: {
          label: 'KPI targets',
          hint: 'The figures the campaign aims for, per metric and optionally per network.',
        },
        hashtags: { label: 'Hashtags', hint: 'Hashtags used by every post of the campaign.' },
        utm: {
          label: 'UTM parameters',
          hint: "Added to every link of the campaign's posts, to follow visits in analytics.",
        },
        color: { label: 'Colour', hint: 'Colour of the campaign in the calendar, as #RRGGBB.' },
        posts: { label: 'Posts', hint: 'The posts that belong to this campaign.' },
        events: { label: 'Events', hint: 'The events that belong to this campaign.' },
        partnerships: { label: 'Partnerships', hint: 'The partners taking part in this campaign.' },
      },
    },
    'api::event.event': {
      name: 'Event',
      fields: {
        title: { label: 'Title', hint: 'Name of the event as the public sees it.' },
        slug: { label: 'Slug', hint: 'The event in URLs, made from the title.' },
        kind: {
          label: 'Kind',
          hint: 'What sort of event it is. Choose "Contest" to fill in the contest below.',
        },
        state: { label: 'State', hint: 'Whether the event takes place as planned.' },
        description: { label: 'Description', hint: 'Programme, speakers, practical details.' },
        startsAt: { label: 'Starts at', hint: 'Date and time the event begins.' },
        endsAt: { label: 'Ends at', hint: 'Date and time the event ends.' },
        timeZone: { label: 'Time zone', hint: 'IANA name of the place, such as Europe/Paris.' },
        place: { label: 'Place', hint: 'Where it happens. Leave empty for an online-only event.' },
        onlineUrl: { label: 'Online link', hint: 'Address of the stream or video call, if any.' },
        capacity: { label: 'Capacity', hint: 'Number of seats or places available.' },
        registrationUrl: { label: 'Registration link', hint: 'Where people sign up.' },
        cover: { label: 'Cover', hint: 'Image shown with the event.' },
        campaign: { label: 'Campaign', hint: 'The campaign this event is part of.' },
        partners: { label: 'Partners', hint: 'Partnerships involved in the event.' },
        contest: { label: 'Contest', hint: 'Rules, entry window and prizes, for a contest only.' },
      },
    },
    'api::partnership.partnership': {
      name: 'Partnership',
      fields: {
        partnerName: { label: 'Partner name', hint: 'Name of the company, association, media or person.' },
        slug: { label: 'Slug', hint: 'The partner in URLs, made from the name.' },
        type: { label: 'Type', hint: 'What kind of partner it is.' },
        description: { label: 'Description', hint: 'Who the partner is and what the partnership is about.' },
        website: { label: 'Website', hint: "The partner's own site." },
        logo: { label: 'Logo', hint: 'Shown on the public site.' },
        state: { label: 'State', hint: 'Where the partnership stands.' },
        startsOn: { label: 'Starts on', hint: 'First day of the partnership.' },
        endsOn: { label: 'Ends on', hint: 'Last day of the partnership.' },
        contact: { label: 'Contact', hint: 'Private: the person to talk to at the partner.' },
        deliverables: {
          label: 'Deliverables',
          hint: 'Private: what each side has promised, and whether it is done.',
        },
        value: { label: 'Value', hint: 'Private: what the deal is worth.' },
        currency: { label: 'Currency', hint: 'Three-letter code of the value, e.g. EUR.' },
        trackingCode: {
          label: 'Tracking code',
          hint: "Promo or referral code that counts the partner's audience.",
        },
        trackingUrl: {
          label: 'Tracking link',
          hint: "Where the partner's tracked links lead; the website when empty.",
        },
        internalNotes: { label: 'Internal notes', hint: 'Private: for the team only.' },
        campaigns: { label: 'Campaigns', hint: 'Campaigns the partner takes part in.' },
        events: { label: 'Events', hint: 'Events the partner takes part in.' },
      },
    },
    'api::post.post': {
      name: 'Post',
      fields: {
        title: { label: 'Title', hint: 'For the team and the public site; not sent to the networks.' },
        body: {
          label: 'Text',
          hint: 'The master text, sent to every network that has no variant of its own.',
        },
        variants: {
          label: 'Network variants',
          hint: 'A different text for a network, when the master text does not fit.',
        },
        media: { label: 'Media', hint: 'Images and videos attached to the post.' },
        link: { label: 'Link', hint: 'Address added to the post, starting with http:// or https://.' },
        hashtags: { label: 'Hashtags', hint: 'Hashtags added to the post.' },
        campaign: { label: 'Campaign', hint: 'The campaign this post belongs to.' },
        plannedAt: { label: 'Planned for', hint: 'When the post should go out.' },
        editorialStatus: { label: 'Editorial status', hint: "Where the text stands in the team's review." },
      },
    },
  },
  components: {
    'campaign.kpi-target': {
      name: 'KPI target',
      fields: {
        metric: { label: 'Metric', hint: 'What is counted.' },
        target: { label: 'Target', hint: 'The figure to reach by the end of the campaign.' },
        network: { label: 'Network', hint: 'Only this network; empty for all networks together.' },
        note: { label: 'Note', hint: 'Why this target, or how it is measured.' },
      },
    },
    'campaign.utm': {
      name: 'UTM parameters',
      fields: {
        source: { label: 'Source', hint: 'utm_source: where the visit comes from, e.g. mastodon.' },
        medium: { label: 'Medium', hint: 'utm_medium: the kind of channel, e.g. social.' },
        campaign: { label: 'Campaign', hint: "utm_campaign: the campaign's name in analytics." },
        term: { label: 'Term', hint: 'utm_term: a keyword, mostly for paid search.' },
        content: { label: 'Content', hint: 'utm_content: tells links of the same campaign apart.' },
      },
    },
    'contest.prize': {
      name: 'Prize',
      fields: {
        name: { label: 'Name', hint: 'What the winner receives.' },
        description: { label: 'Description', hint: 'Details of the prize.' },
        quantity: { label: 'Quantity', hint: 'How many of this prize there are.' },
        unitValue: { label: 'Unit value', hint: 'Value of one prize, as stated in the rules.' },
        currency: { label: 'Currency', hint: 'Three-letter code of the value, e.g. EUR.' },
      },
    },
    'contest.settings': {
      name: 'Contest',
      fields: {
        organizer: { label: 'Organiser', hint: 'Who runs the contest, as named in the rules.' },
        rules: { label: 'Rules', hint: 'The full rules participants accept.' },
        entryOpensAt: { label: 'Entries open at', hint: 'From this moment people can enter.' },
        entryClosesAt: { label: 'Entries close at', hint: 'After this moment no entry is accepted.' },
        prizes: { label: 'Prizes', hint: 'What can be won.' },
        minimumAge: { label: 'Minimum age', hint: 'Participants must be at least this old.' },
        eligibleCountries: {
          label: 'Eligible countries',
          hint: 'Two-letter country codes, e.g. ["FR", "BE"]; empty: open to every country.',
        },
        entriesPerPerson: { label: 'Entries per person', hint: 'How many times one person may enter.' },
        winnersCount: { label: 'Number of winners', hint: 'How many winners the draw picks.' },
        substitutesCount: {
          label: 'Number of substitutes',
          hint: 'Drawn after the winners, in order, in case a winner does not claim the prize.',
        },
        claimDays: {
          label: 'Days to claim',
          hint: 'A winner who has not answered after this many days is replaced.',
        },
        retentionDays: {
          label: 'Days entries are kept',
          hint: 'Personal data of entries is erased this many days after entries close.',
        },
        beaconSource: {
          label: 'Public randomness source',
          hint: 'Optional: the public random value, fixed after the close (e.g. a drand round), that seeds the draw.',
        },
        doubleOptIn: {
          label: 'Confirm by e-mail',
          hint: 'An entry counts only once its e-mail address is confirmed.',
        },
      },
    },
    'partnership.deliverable': {
      name: 'Deliverable',
      fields: {
        what: { label: 'What', hint: 'What is promised, and by whom.' },
        dueOn: { label: 'Due on', hint: 'When it must be delivered.' },
        done: { label: 'Done', hint: 'Tick once it has been delivered.' },
      },
    },
    'post.network-variant': {
      name: 'Network variant',
      fields: {
        summary: {
          label: 'Summary',
          hint: 'Written on save: the network and the start of the text, the header of a collapsed variant.',
        },
        network: { label: 'Network', hint: 'The network this text is for.' },
        text: { label: 'Text', hint: 'Replaces the master text on this network.' },
        link: { label: 'Link', hint: "Replaces the post's link on this network; empty: the post's link." },
      },
    },
    'shared.contact': {
      name: 'Contact',
      fields: {
        name: { label: 'Name', hint: 'First and last name.' },
        role: { label: 'Role', hint: 'Their job or role at the partner.' },
        email: { label: 'E-mail', hint: 'Address to write to.' },
        phone: { label: 'Phone', hint: 'With the country code, e.g. +33 6 12 34 56 78.' },
      },
    },
    'shared.place': {
      name: 'Place',
      fields: {
        venue: { label: 'Venue', hint: 'Name of the building or room.' },
        address: { label: 'Address', hint: 'Street and number.' },
        postalCode: { label: 'Postal code', hint: 'As written on letters.' },
        city: { label: 'City', hint: 'Town or city.' },
        country: { label: 'Country', hint: 'Two-letter code, e.g. FR.' },
        latitude: { label: 'Latitude', hint: 'For the map, in decimal degrees, e.g. 48.8566.' },
        longitude: { label: 'Longitude', hint: 'For the map, in decimal degrees, e.g. 2.3522.' },
      },
    },
  },
  enumValues: {
    // Post editorial status
    draft: 'Draft',
    in_review: 'In review',
    approved: 'Approved',
    // Campaign objective
    awareness: 'Awareness',
    acquisition: 'Acquisition',
    loyalty: 'Loyalty',
    engagement: 'Engagement',
    traffic: 'Traffic',
    event_promotion: 'Event promotion',
    // Campaign state (and partnership state for "active")
    planned: 'Planned',
    active: 'Active',
    paused: 'Paused',
    completed: 'Completed',
    // Event kind
    meetup: 'Meetup',
    webinar: 'Webinar',
    conference: 'Conference or live coverage',
    launch: 'Launch',
    contest: 'Contest',
    other: 'Other',
    // Event state
    scheduled: 'Scheduled',
    postponed: 'Postponed',
    cancelled: 'Cancelled',
    sold_out: 'Sold out',
    // Partnership type
    company: 'Company',
    association: 'Association',
    local_authority: 'Local authority',
    media: 'Media',
    influencer: 'Influencer',
    blogger: 'Blogger',
    school: 'School',
    // Partnership state
    prospect: 'Prospect',
    negotiating: 'Negotiating',
    ended: 'Ended',
    // Networks
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
    // KPI metrics
    impressions: 'Impressions',
    reach: 'Reach',
    engagements: 'Engagements',
    engagement_rate: 'Engagement rate',
    clicks: 'Clicks',
    ctr: 'Click-through rate',
    followers_gained: 'Followers gained',
    comments: 'Comments',
    shares: 'Shares',
    registrations: 'Registrations',
    contest_entries: 'Contest entries',
    conversions: 'Conversions',
  },
};

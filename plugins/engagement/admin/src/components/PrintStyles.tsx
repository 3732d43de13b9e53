import { createGlobalStyle } from 'styled-components';

/**
 * A report printed (or saved as PDF from the print dialog) is the report alone: no admin menu,
 * banner, buttons or filters, all of it (the admin scrolls its content in a box the height of the
 * window: printed, that box lets the report run over as many pages as it needs), and blocks that do
 * not split across pages.
 */
export const PrintStyles = createGlobalStyle`
  @media print {
    @page {
      margin: 12mm;
    }
    *:has(main) {
      display: block !important;
      height: auto !important;
      overflow: visible !important;
      background: #fff !important;
    }
    *:has(> main) > :not(main),
    nav,
    [data-print-hide],
    [data-print-alert] button,
    [data-strapi-header] button,
    [data-strapi-header] a {
      display: none !important;
    }
    main * {
      box-shadow: none !important;
    }
    [data-print-keep] {
      break-inside: avoid;
    }
  }
`;

import admin from './admin.routes';

export default { admin };

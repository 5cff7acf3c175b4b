// Preloaded (`node --import ./server/cli/production.mjs`) by `npm start` and `npm run bench`, before any
// module reads it: the server runs with NODE_ENV=production, so that graphql-js and Express skip their
// development checks. Set here rather than as `NODE_ENV=production node …` in package.json, which
// Windows shells do not understand.
process.env.NODE_ENV = 'production';

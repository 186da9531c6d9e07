/**
 * Builds the Excel add-in (task pane, ribbon commands, notice dialog) into dist/addin, or — with
 * `--env harness` — the browser e2e harness (the pane over the fake Excel, no Office.js).
 *
 *   npm run build                                 production build, prints gzip sizes
 *   ADDIN_BASE_URL=https://host/path npm run build  same, manifest URLs rewritten to that base
 *   npm run dev-server                            https://localhost:3000 with dev certificates
 *
 * The manifest in the repository uses the dev base URL https://localhost:3000; the copy in the
 * output has every occurrence replaced by the base URL given with ADDIN_BASE_URL or
 * `--env baseUrl=…` (https only, as Office requires).
 */
const fs = require('fs');
const path = require('path');
const util = require('util');
const zlib = require('zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000';

/**
 * The base URL the manifest is rewritten to, or the one sentence that says why it cannot be.
 * Office loads add-ins over https only.
 */
function checkBaseUrl(value) {
  const raw = String(value ?? DEV_BASE_URL).trim().replace(/\/+$/, '');
  const example = 'https://addin.example.vn/cchc';
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `ADDIN_BASE_URL “${raw}” is not a web address; set it to the https address the add-in is served from, e.g. ${example}.` };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: `ADDIN_BASE_URL “${raw}” is not https, and Office loads add-ins over https only; set it to an https address, e.g. ${example}.` };
  }
  return { ok: true, url: raw };
}

/**
 * A rejected base URL stops the build with its one sentence and a non-zero exit: webpack-cli
 * prints what the config throws with util.inspect (a stack trace for an Error) and exits 2; this
 * error shows itself as the sentence alone.
 */
class BaseUrlError extends Error {
  [util.inspect.custom]() {
    return this.message;
  }
}

function baseUrlFrom(env) {
  const checked = checkBaseUrl(env.baseUrl || process.env.ADDIN_BASE_URL || DEV_BASE_URL);
  if (checked.ok) return checked.url;
  throw new BaseUrlError(checked.message);
}

/** Prints, after a build, each page's JavaScript raw and gzipped (what a user downloads). */
class BundleSizePlugin {
  constructor(pages) {
    this.pages = pages; // { 'taskpane.html': ['commands', 'taskpane'], ... }
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleSizePlugin', (compilation) => {
      const sizeOf = new Map();
      for (const asset of compilation.getAssets()) {
        if (!asset.name.endsWith('.js')) continue;
        // Read what was written: after emit webpack keeps only the sizes of its sources.
        const buffer = fs.readFileSync(path.join(compilation.outputOptions.path, asset.name));
        sizeOf.set(asset.name, { raw: buffer.length, gzip: zlib.gzipSync(buffer, { level: 9 }).length });
      }
      const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
      const lines = ['', 'Bundle sizes (JavaScript per page; gzip level 9):'];
      for (const [page, entries] of Object.entries(this.pages)) {
        const files = new Set();
        for (const name of entries) {
          const entry = compilation.entrypoints.get(name);
          if (entry) for (const f of entry.getFiles()) if (f.endsWith('.js')) files.add(f);
        }
        let raw = 0;
        let gzip = 0;
        for (const f of files) {
          raw += sizeOf.get(f)?.raw ?? 0;
          gzip += sizeOf.get(f)?.gzip ?? 0;
        }
        lines.push(`  ${page.padEnd(16)} raw ${kb(raw)}   gzip ${kb(gzip)}   (${[...files].join(', ')})`);
      }
      process.stdout.write(`${lines.join('\n')}\n\n`);
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const harness = Boolean(env.harness);
  const baseUrl = baseUrlFrom(env);

  const entry = harness
    ? { harness: './test/e2e/harness/harness.tsx' }
    : {
        taskpane: './src/taskpane/index.tsx',
        commands: './src/commands/commands.ts',
        notice: './src/commands/notice-page.ts',
      };

  const pages = harness
    ? { 'harness.html': ['harness'] }
    : { 'taskpane.html': ['commands', 'taskpane'], 'notice.html': ['notice'] };

  const plugins = harness
    ? [new HtmlWebpackPlugin({ filename: 'harness.html', template: './test/e2e/harness/harness.html', chunks: ['harness'] })]
    : [
        // The shared runtime's page: the pane and the command handlers, one JavaScript context.
        new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['commands', 'taskpane'] }),
        new HtmlWebpackPlugin({ filename: 'notice.html', template: './src/commands/notice.html', chunks: ['notice'] }),
        new CopyWebpackPlugin({
          patterns: [
            {
              from: 'manifest.xml',
              to: 'manifest.xml',
              // URLs only ("https://localhost:3000/…"), not the comment that names the dev base.
              transform: (content) => content.toString('utf8').split(`${DEV_BASE_URL}/`).join(`${baseUrl}/`),
            },
            { from: 'assets/icons/*.png', to: 'assets/icons/[name][ext]' },
            { from: 'src/taskpane/help.html', to: 'help.html' },
          ],
        }),
      ];
  plugins.push(new BundleSizePlugin(pages));

  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry,
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, harness ? 'test-output/harness-build' : 'dist/addin'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The roll-up reads workbooks in the pane with the command line's reader: its parts are
      // inflated by the browser's DecompressionStream (src/hosts/xlsx/zip/inflated.ts), so the
      // zlib calls of the Node path are never made there and zlib is left out of the bundle.
      fallback: { zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Only the production build type-checks (bundled files only); the dev server and the
              // e2e harness stay fast, `npm run typecheck` covers everything.
              transpileOnly: harness || !production,
              onlyCompileBundledFiles: true,
              compilerOptions: { module: 'esnext', sourceMap: !production },
            },
          },
        },
      ],
    },
    optimization: {
      // One webpack runtime per page, so the pane and the commands share module instances (the
      // pane channel, the host) in the shared runtime.
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all' },
    },
    performance: { hints: false },
    plugins,
    stats: 'errors-warnings',
  };

  if (env.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    };
  }

  return config;
};

module.exports.checkBaseUrl = checkBaseUrl;

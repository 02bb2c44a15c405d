/*
 * Thai-first language selection and a language switch for the Camunda 7 webapps
 * (Tasklist, Cockpit, Admin and Welcome). Loaded as a "customScripts" entry from each app's
 * scripts/config.js; it is imported after the app's AngularJS module is declared
 * and before the app is bootstrapped, so it can add config/run blocks.
 *
 * Language choice: the language the user picked with the switch (stored in
 * localStorage under LOCALE_KEY, shared by all webapps of this origin) if the
 * app offers it, otherwise the app's fallbackLocale from config.js ('th').
 * The browser's own language is deliberately not used: staff machines are often
 * set to English, and the municipality wants Thai unless a user asks otherwise.
 *
 * Only the chosen locale file is loaded (preferred = fallback = chosen), so the
 * moment.js locale that the webapp defines from that file's "dateLocales" is the
 * one in effect. Buddhist-Era years come from th.json itself: its dateLocales
 * define a moment "eras" entry (พ.ศ. = CE + 543) and use the era-year token "y"
 * in L/LL/LLL/LLLL (the camDate filter and "3 วันที่แล้ว"-style relative times
 * go through moment).
 *
 * Cockpit shows most dates with the camDate filter in its "normal" format, which
 * Cockpit sets to ISO 'YYYY-MM-DD[T]HH:mm:ss' (Christian year): under 'th' any
 * camDate format with a 'YYYY' year becomes THAI_DATE_TIME (Buddhist year, with
 * seconds as in the ISO one). Tasklist's own formats use L/LL/LLL and stay.
 *
 * A few places do not use moment but AngularJS's own date filter and $locale:
 * the task history's year badge (date:'yyyy') and the calendar of the
 * due/follow-up date picker (uib-datepicker: 'MMMM yyyy', 'yyyy', 'EEE').
 * For Thai those get Thai month/day names and the Buddhist year below; only
 * these exact display formats are changed, never formats that carry data
 * such as 'yyyy-MM-ddTHH:mm:ss'.
 */
const LOCALE_KEY = 'camunda-web-locale';
const LANGUAGE_NAMES = {th: 'ไทย', en: 'English', de: 'Deutsch'};
const BUDDHIST_ERA_OFFSET = 543;
// AngularJS date formats shown to people that get a Buddhist year under 'th'
const BE_DISPLAY_FORMATS = ['yyyy', 'MMMM yyyy'];
// camDate formats that carry a Christian year are shown like this under 'th'
const THAI_DATE_TIME = 'D MMM y HH:mm:ss';
const CAM_DATE_FORMATS = ['normal', 'abbr', 'long', 'short'];
// the one heading the webapps write in their templates instead of a translated label
const THAI_ACTIONS_HEADING = 'การดำเนินการ';
const THAI_DATETIME_FORMATS = {
  MONTH: 'มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม'.split(' '),
  STANDALONEMONTH: 'มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม'.split(' '),
  SHORTMONTH: 'ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.'.split(' '),
  DAY: 'วันอาทิตย์ วันจันทร์ วันอังคาร วันพุธ วันพฤหัสบดี วันศุกร์ วันเสาร์'.split(' '),
  SHORTDAY: 'อา. จ. อ. พ. พฤ. ศ. ส.'.split(' '),
  AMPMS: ['ก่อนเที่ยง', 'หลังเที่ยง']
};

const angular = window.angular;
const base = document.querySelector('base');
const appName = base && base.getAttribute('app-name');
const customModule = appName && 'cam.' + appName + '.custom';

function readChoice() {
  try {
    return window.localStorage.getItem(LOCALE_KEY);
  } catch (e) {
    return null;
  }
}

function pickLocale(available, fallback) {
  const choice = readChoice();
  return available.indexOf(choice) > -1 ? choice : fallback;
}

if (angular && customModule) {
  let chosen = null;
  let available = [];

  angular
    .module(customModule)
    .config([
      '$injector',
      function($injector) {
        if (
          !$injector.has('configurationProvider') ||
          !$injector.has('$translateProvider')
        ) {
          return;
        }
        const configuration = $injector.get('configurationProvider');
        const $translateProvider = $injector.get('$translateProvider');
        available = configuration.getAvailableLocales() || [];
        chosen = pickLocale(available, configuration.getFallbackLocale());
        // runs after the app's own $translate config (module order), so it wins
        $translateProvider.preferredLanguage(chosen);
        $translateProvider.fallbackLanguage(chosen);
      }
    ])
    .config([
      '$injector',
      function($injector) {
        if (chosen !== 'th' || !$injector.has('camDateFormatProvider')) {
          return;
        }
        const camDateFormat = $injector.get('camDateFormatProvider');
        const current = camDateFormat.$get();
        CAM_DATE_FORMATS.forEach(function(name) {
          const format = current(name);
          if (typeof format === 'string' && format.indexOf('YYYY') > -1) {
            camDateFormat.setDateFormat(THAI_DATE_TIME, name);
          }
        });
      }
    ])
    .config([
      '$provide',
      function($provide) {
        // Thai month and day names for AngularJS's date filter (date picker)
        $provide.decorator('$locale', [
          '$delegate',
          function($locale) {
            if (chosen === 'th') {
              angular.extend($locale.DATETIME_FORMATS, THAI_DATETIME_FORMATS);
            }
            return $locale;
          }
        ]);
        // Buddhist year in the AngularJS date filter, for display formats only
        $provide.decorator('dateFilter', [
          '$delegate',
          function(dateFilter) {
            return function(date, format, timezone) {
              if (chosen === 'th' && BE_DISPLAY_FORMATS.indexOf(format) > -1) {
                const year = dateFilter(date, 'yyyy', timezone);
                if (/^\d{4}$/.test(year)) {
                  const be = "'" + (+year + BUDDHIST_ERA_OFFSET) + "'";
                  return dateFilter(date, format.replace('yyyy', be), timezone);
                }
              }
              return dateFilter(date, format, timezone);
            };
          }
        ]);
        // the variables table's "Actions" column heading is plain text in its template
        $provide.decorator('camWidgetVariablesTableDirective', [
          '$delegate',
          function($delegate) {
            const directive = $delegate[0];
            if (chosen === 'th' && typeof directive.template === 'string') {
              directive.template = directive.template.replace(
                /(<td class="actions"[^>]*>\s*)Actions(\s*<\/td>)/,
                '$1' + THAI_ACTIONS_HEADING + '$2'
              );
            }
            return $delegate;
          }
        ]);
        // put the language switch into the shared page header (cam-widget-header)
        $provide.decorator('camWidgetHeaderDirective', [
          '$delegate',
          function($delegate) {
            const directive = $delegate[0];
            const item =
              '<li class="cam-locale-switch dropdown" uib-dropdown cam-locale-switch></li>';
            if (typeof directive.template === 'string') {
              directive.template =
                directive.template.indexOf('<li engine-select></li>') > -1
                  ? directive.template.replace(
                      '<li engine-select></li>',
                      '<li engine-select></li>\n    ' + item
                    )
                  : directive.template.replace(
                      '<ul ng-class="{collapse: !navbarOpen}">',
                      '<ul ng-class="{collapse: !navbarOpen}">' + item
                    );
            }
            return $delegate;
          }
        ]);
      }
    ])
    .directive('camLocaleSwitch', [
      '$window',
      function($window) {
        return {
          restrict: 'A',
          scope: {},
          template:
            '<a href class="dropdown-toggle" uib-dropdown-toggle title="ภาษา / Language">' +
            '<span class="glyphicon glyphicon-globe"></span> {{ current.name }} <span class="caret"></span></a>' +
            '<ul class="dropdown-menu dropdown-menu-right" uib-dropdown-menu>' +
            '<li ng-repeat="l in locales" ng-class="{active: l.code === current.code}" class="cam-locale-{{ l.code }}">' +
            '<a href ng-click="choose(l.code)" lang="{{ l.code }}">{{ l.name }}</a></li></ul>',
          link: function(scope, element) {
            scope.locales = available.map(function(code) {
              return {code: code, name: LANGUAGE_NAMES[code] || code};
            });
            scope.current = scope.locales.filter(function(l) {
              return l.code === chosen;
            })[0];
            if (scope.locales.length < 2 || !scope.current) {
              element.css('display', 'none');
            }
            scope.choose = function(code) {
              if (code === chosen) {
                return;
              }
              try {
                $window.localStorage.setItem(LOCALE_KEY, code);
              } catch (e) {
                return;
              }
              // reload so that labels, moment's locale and already rendered dates all switch together
              $window.location.reload();
            };
          }
        };
      }
    ])
    .run([
      function() {
        if (chosen) {
          document.documentElement.setAttribute('lang', chosen);
        }
      }
    ]);
}

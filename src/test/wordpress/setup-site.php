<?php
/*
 * Completes the installation of the test WordPress without a person, from the command line
 * (called by wordpress-server.sh; Debian ships no WP-CLI): the site in Thai with pretty permalinks
 * (the REST API under /wp-json/), an editor whose application password the service publishes with,
 * an administrator's application password for the tests' own checks, and one category per category
 * of section 2.1 of the announcement. Prints the settings as Java properties on standard output.
 *
 * Environment: WORDPRESS_CONFIG (Debian's /etc/wordpress/config-<name>.php), SITE_URL.
 */

$site_url = getenv('SITE_URL');
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = parse_url($site_url, PHP_URL_HOST) . ':' . parse_url($site_url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function fail_setup($what, $error) {
    fwrite(STDERR, $what . ': ' . (is_wp_error($error) ? $error->get_error_message() : print_r($error, true)) . "\n");
    exit(1);
}

if (!is_blog_installed()) {
    $installed = wp_install('เทศบาลตำบลทดสอบ', 'admin', 'admin@example.invalid', false, '',
        wp_generate_password(32), 'th');
    if (is_wp_error($installed)) {
        fail_setup('wp_install', $installed);
    }
}
update_option('blogdescription', 'เว็บไซต์ทดสอบการเผยแพร่ข้อมูล');
update_option('WPLANG', 'th');
update_option('timezone_string', 'Asia/Bangkok');
update_option('date_format', 'j F Y');
update_option('permalink_structure', '/%postname%/');
// The rules are made again by the first web request, once the categories' permalinks are known.
delete_option('rewrite_rules');

function application_password($user_id) {
    $created = WP_Application_Passwords::create_new_application_password(
        $user_id, array('name' => 'municipal publication tests ' . gmdate('c')));
    if (is_wp_error($created)) {
        fail_setup('application password', $created);
    }
    return $created[0];
}

$editor = get_user_by('login', 'publisher');
$editor_id = $editor ? $editor->ID : wp_insert_user(array(
    'user_login'   => 'publisher',
    'user_pass'    => wp_generate_password(32),
    'user_email'   => 'publisher@example.invalid',
    'display_name' => 'ผู้นำข้อมูลขึ้นเผยแพร่',
    'role'         => 'editor',
));
if (is_wp_error($editor_id)) {
    fail_setup('editor', $editor_id);
}

$categories = array(
    'structure'   => 'โครงสร้างและการจัดองค์กร',
    'powers'      => 'อำนาจหน้าที่และวิธีการดำเนินงาน',
    'contact'     => 'สถานที่ติดต่อขอรับข้อมูลข่าวสาร',
    'rules'       => 'กฎ ระเบียบ คำสั่ง หนังสือเวียน นโยบาย',
    'plans'       => 'แผนงาน โครงการ งบประมาณ ผลการดำเนินงาน',
    'procurement' => 'แผนการจัดซื้อจัดจ้างประจำปี',
    'other'       => 'ข่าวประชาสัมพันธ์อื่น ๆ',
);
$lines = array(
    'base-url=' . $site_url,
    'username=publisher',
    'application-password=' . application_password($editor_id),
    'admin-username=admin',
    'admin-application-password=' . application_password(get_user_by('login', 'admin')->ID),
);
foreach ($categories as $id => $name) {
    $term = term_exists('municipal-' . $id, 'category');
    if (!$term) {
        $term = wp_insert_term($name, 'category', array('slug' => 'municipal-' . $id));
    }
    if (is_wp_error($term)) {
        fail_setup('category ' . $id, $term);
    }
    $lines[] = 'category-ids.' . $id . '=' . $term['term_id'];
}
echo implode("\n", $lines), "\n";

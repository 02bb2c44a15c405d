<?php
/*
 * Plugin Name: Municipal publication tests: failures on request
 * Description: Test server only (installed as a must-use plugin by wordpress-server.sh). An
 *   administrator arms a failure with POST /wp-json/municipal-test/v1/fault {"method", "route"
 *   (a regular expression), "status", "times"}: the next matching REST requests answer that status
 *   instead of running, as a broken plugin or an overloaded host would. DELETE disarms it.
 */

add_action('rest_api_init', function () {
    register_rest_route('municipal-test/v1', '/fault', array(
        array(
            'methods'             => 'POST',
            'permission_callback' => function () {
                return current_user_can('manage_options');
            },
            'callback'            => function (WP_REST_Request $request) {
                $fault = array(
                    'method' => strtoupper((string) $request->get_param('method')),
                    'route'  => (string) $request->get_param('route'),
                    'status' => (int) $request->get_param('status'),
                    'times'  => (int) $request->get_param('times'),
                );
                update_option('municipal_test_fault', $fault, false);
                return $fault;
            },
        ),
        array(
            'methods'             => 'DELETE',
            'permission_callback' => function () {
                return current_user_can('manage_options');
            },
            'callback'            => function () {
                delete_option('municipal_test_fault');
                return array('disarmed' => true);
            },
        ),
    ));
});

add_filter('rest_pre_dispatch', function ($result, $server, $request) {
    $fault = get_option('municipal_test_fault');
    if (!is_array($fault) || $fault['times'] <= 0
        || $request->get_method() !== $fault['method']
        || !preg_match('~' . str_replace('~', '\~', $fault['route']) . '~', $request->get_route())) {
        return $result;
    }
    $fault['times']--;
    update_option('municipal_test_fault', $fault, false);
    return new WP_Error('municipal_test_fault', 'Failure injected by the tests',
        array('status' => $fault['status']));
}, 10, 3);

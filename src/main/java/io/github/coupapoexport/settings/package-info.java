/** What all settings share: the check that lists every problem at once before anything is started. */
@NullMarked
package io.github.coupapoexport.settings;

import org.jspecify.annotations.NullMarked;

/** The ground floor: what every other package may use, and which uses none of them. */
@NullMarked
package io.github.coupapoexport.foundation;

import org.jspecify.annotations.NullMarked;

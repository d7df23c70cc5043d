/** Associations (NGOs) that post missions, with their causes, place and coordinator. */
package org.tandem.core.associations;

/** Tandem's domain of skills-based volunteering; package by feature, no channel or web code. */
package org.tandem.core;

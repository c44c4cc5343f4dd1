/** JMH benchmarks of the Kulturpass platform; results and how to run them are in docs/benchmarks.md. */
package lu.kulturpass.benchmarks;
